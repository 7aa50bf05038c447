// The cards to put dots on, drawn in the browser from one element (a step change builds this for every phone
// at once). Vue escapes the residents' texts. Emits change(card id, true to add / false to take a dot back).
export default {
  template: `
    <div>
      <div v-for="card in cards" :key="card.id" class="vote-card" data-testid="dot-card" :data-card="card.id">
        <div class="vote-card-text" dir="auto">{{ card.text }}</div>
        <div class="dot-actions">
          <button type="button" class="tap-button tap-filled" data-testid="add-dot" :aria-label="card.add_label"
                  @click="$emit('change', card.id, true)">{{ add }}</button>
          <button type="button" class="tap-button tap-outline" data-testid="remove-dot" :aria-label="card.remove_label"
                  @click="$emit('change', card.id, false)">{{ remove }}</button>
          <span data-testid="my-dots">{{ card.given }}</span>
        </div>
      </div>
    </div>`,
  props: {
    cards: Array, // [{id, text, add_label, remove_label, given}]
    add: String,
    remove: String,
  },
};
