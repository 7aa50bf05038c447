// A group of large tap buttons, drawn in the browser from one element: a step change rebuilds every phone's
// view at once, and one element per group costs the server far less than one per option. Vue escapes the labels.
export default {
  template: `
    <div>
      <button v-for="option in options" :key="option.value" type="button" class="tap-button tap-choice" dir="auto"
              :data-testid="testid" :data-value="option.value" :aria-pressed="chosen(option.value) ? 'true' : 'false'"
              @click="$emit('pick', option.value)">{{ chosen(option.value) ? "✓ " + option.label : option.label }}</button>
    </div>`,
  props: {
    options: Array, // [{value, label}]
    selected: Array, // the chosen values
    testid: String,
  },
  methods: {
    chosen(value) {
      return this.selected.includes(value);
    },
  },
};
