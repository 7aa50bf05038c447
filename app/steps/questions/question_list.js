// The questions of others to vote for, drawn in the browser from one element (a step change or a new question
// builds this for every phone at once). Vue escapes the residents' texts. Emits vote(card id, true to give the
// vote / false to take it back). The button is a toggle: aria-pressed and a check mark say it was given.
export default {
  template: `
    <ul class="question-list">
      <li v-for="question in questions" :key="question.id" class="vote-card" data-testid="question"
          :data-card="question.id">
        <div class="vote-card-text">{{ question.text }}</div>
        <div v-if="question.merged" class="hint">{{ question.merged }}</div>
        <button type="button" class="tap-button tap-choice question-vote" data-testid="upvote"
                :aria-pressed="question.voted ? 'true' : 'false'" :aria-label="question.label"
                @click="$emit('vote', question.id, !question.voted)">{{ question.voted ? '✓ ' + vote : vote }}</button>
      </li>
    </ul>`,
  props: {
    questions: Array, // [{id, text, merged, label, voted}]
    vote: String,
  },
};
