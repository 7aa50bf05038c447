// NiceGUI's input (elements/input.js of 3.18) without autocomplete, with a counter in characters (code points after
// NFC, as the server's text.clean counts them) instead of Quasar's UTF-16 units and the browser's silent maxlength.
export default {
  template: `
    <q-input ref="qRef" v-bind="$attrs" v-model="inputValue" counter>
      <template #counter>
        <span :class="{ 'over-limit': count > maxChars }" data-testid="char-count">{{ count }} / {{ maxChars }}</span>
      </template>
    </q-input>`,
  props: {
    value: String,
    id: String,
    maxChars: Number,
    _autocomplete: Array, // set by ui.input, unused here
  },
  data() {
    return { inputValue: this.value, emitting: true };
  },
  beforeUnmount() {
    const element = mounted_app.elements[this.$props.id.slice(1)];
    if (element) element.props.value = this.inputValue;
  },
  watch: {
    value(newValue) {
      this.emitting = false;
      this.inputValue = newValue;
      this.$nextTick(() => (this.emitting = true));
    },
    inputValue(newValue) {
      if (!this.emitting) return;
      this.$emit("update:value", newValue);
    },
  },
  computed: {
    count() {
      return [...(this.inputValue || "").normalize("NFC")].length;
    },
  },
  methods: {
    updateValue() {
      this.inputValue = this.value;
    },
  },
};
