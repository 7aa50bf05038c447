// The items to divide points over, drawn in the browser from one element (a step change builds this for every
// phone at once). Vue escapes the residents' texts. Emits step(card id, +1 or -1) for the − and + buttons and
// set(card id, text typed) when a typed amount is committed (Enter or leaving the field); the server checks it.
export default {
  template: `
    <div>
      <div v-for="card in cards" :key="card.id" class="vote-card points-card" role="group"
           :aria-labelledby="prefix + '-' + card.id" data-testid="points-card" :data-card="card.id">
        <div class="vote-card-text" :id="prefix + '-' + card.id">{{ card.text }}</div>
        <div class="points-actions">
          <button type="button" class="tap-button tap-outline points-step" data-testid="points-less"
                  :aria-label="card.less_label" @click="$emit('step', card.id, -1)">−{{ size }}</button>
          <label class="points-field">
            <span class="points-field-label">{{ label }}</span>
            <input type="text" inputmode="numeric" autocomplete="off" data-testid="points-input"
                   :value="card.points" @change="$emit('set', card.id, $event.target.value)">
          </label>
          <button type="button" class="tap-button tap-outline points-step" data-testid="points-more"
                  :aria-label="card.more_label" @click="$emit('step', card.id, 1)">+{{ size }}</button>
        </div>
      </div>
    </div>`,
  props: {
    cards: Array, // [{id, text, points, less_label, more_label}]
    size: Number, // points one tap adds or takes
    label: String, // of each number field
    prefix: String, // unique on the page, for the ids that name each group
  },
  methods: {
    reset() { // a refused amount: the fields show the stored points again
      this.$el.querySelectorAll('[data-testid=points-input]').forEach((input, index) => {
        input.value = this.cards[index].points;
      });
    },
  },
};
