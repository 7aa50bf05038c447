// A new <span> for every message (its key is the message's serial number): an addition to the live region,
// announced and drawn afresh even when the text is the same as before.
export default {
  template: `
    <div role="status" aria-live="polite">
      <span :key="serial" class="status-news"><slot></slot></span>
    </div>`,
  props: {
    serial: Number,
  },
};
