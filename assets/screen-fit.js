// The projector screen fits the beamer: the type scales with the screen's width, shrinks while the step does not
// fit, never below the floor (1 % of the width: 3 cm on a 3-metre projection, readable at 10 m), and what still
// does not fit is shown a page at a time, advancing by itself, with "1/3" on screen. Q makes the join panel small
// or big again; it starts small once the workshop is past its first step.
(() => {
  const START = 1.4, FLOOR = 1.0, STEP = 0.05, PAGE_SECONDS = 8;  // root font size in vw
  let page = 0, pages = 1, scheduled = false;

  function fit() {
    scheduled = false;
    const step = document.querySelector('.screen-step'), results = document.querySelector('.screen-step .results');
    const join = document.querySelector('.join-panel');
    if (!step) return;
    if (results) results.scrollTop = 0;
    const overflowing = () => step.scrollHeight > step.clientHeight + 1
      || (results && results.scrollHeight > results.clientHeight + 1)
      || (join && join.scrollHeight > join.clientHeight + 1);
    let size = START;
    do {
      document.documentElement.style.fontSize = size + 'vw';
      size -= STEP;
    } while (size >= FLOOR - 1e-9 && overflowing());
    pages = results ? Math.max(1, Math.ceil(results.scrollHeight / Math.max(results.clientHeight, 1) - 0.02)) : 1;
    page = Math.min(page, pages - 1);
    show();
  }

  function show() {
    const results = document.querySelector('.screen-step .results'), counter = document.querySelector('.page-count');
    if (results) results.scrollTop = page * results.clientHeight;
    const text = pages > 1 ? `${page + 1}/${pages}` : '';
    if (counter && counter.textContent !== text) counter.textContent = text;  // writing it unchanged would wake the
    // observer below, which fits again: a loop that kept a screen busy for as long as it was open
  }

  const later = () => { if (!scheduled) { scheduled = true; requestAnimationFrame(fit); } };
  window.addEventListener('resize', later);
  new MutationObserver(later).observe(document.body, {childList: true, subtree: true, characterData: true});
  setInterval(() => { if (pages > 1) { page = (page + 1) % pages; show(); } }, PAGE_SECONDS * 1000);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'q' || event.key === 'Q') { document.body.classList.toggle('join-small'); later(); }
  });
})();
