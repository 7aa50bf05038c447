"""How a simulated phone takes part: it asks one question (when the rehearsal's phones write), then votes for up to
two questions of others."""
from __future__ import annotations

from typing import Any

QUESTIONS = ['wanneer horen we wat er met de ideeën gebeurt?', 'wie betaalt dit?', 'kan mijn buurman ook meedoen?',
             'hoe lang duurt het voor er iets verandert?']


async def answer(phone: Any, page: Any) -> bool:
    if not (field := page.first('question-text')):
        return False
    if phone.writes_cards:
        question = f'Vraag van {phone.nickname}: {phone.rng.choice(QUESTIONS)}'
        await page.type(field, question)
        await phone.act(page, 'questions', page.click(page.first('send-question')), text=question)
    if listed := page.first('question-list'):
        cards = [shown['id'] for shown in page.props(listed)['questions'] if not shown['voted']]
        for card in phone.rng.sample(cards, min(2, len(cards))):
            if not await phone.act(page, 'questions', page.emit(listed, 'vote', card, True), card=card):
                break
    return True
