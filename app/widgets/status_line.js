// A new <span> for every message (its key is the message's serial number): an addition to the live region,
// announced and drawn afresh even when the text is the same as before. A tap kept while offline shows `kept`
// until the server's next message.
export default {
  template: `
    <div role="status" aria-live="polite">
      <span v-if="keptShown" :key="'kept' + serial" class="status-news">{{ kept }}</span>
      <span v-else :key="serial" class="status-news"><slot></slot></span>
    </div>`,
  props: {
    serial: Number,
    kept: String,
  },
  data() {
    return { keptShown: false };
  },
  mounted() {
    this.showKept = () => (this.keptShown = Boolean(this.kept));
    window.addEventListener("samenspraak:tap-kept", this.showKept);
  },
  unmounted() {
    window.removeEventListener("samenspraak:tap-kept", this.showKept);
  },
  watch: {
    serial() {
      this.keptShown = false;
    },
  },
};
