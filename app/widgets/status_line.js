// A new <span> for every message (its key is the message's serial number): an addition to the live region,
// announced and drawn afresh even when the text is the same as before.
export default {
  template: `
    <div role="status" aria-live="polite">
      <span v-if="text" :key="serial" class="status-news">{{ text }}</span>
    </div>`,
  props: {
    text: String,
    serial: Number,
  },
};
