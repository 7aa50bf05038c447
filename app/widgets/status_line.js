// A new <span> for every message (its key is the message's serial number): an addition to the live region,
// announced and drawn afresh even when the text is the same as before. Two messages the browser says itself, until
// the server's next one: `kept` when a tap is made without connection (socket.io sends it when the connection is
// back), and `lost` on the page that replaced one whose kept taps could not be sent (assets/reconnect.js).
export default {
  template: `
    <div role="status" aria-live="polite">
      <span v-if="local" :key="'local' + serial" class="status-news">{{ local }}</span>
      <span v-else :key="serial" class="status-news"><slot></slot></span>
    </div>`,
  props: {
    serial: Number,
    kept: String,
    lost: String,
  },
  data() {
    return { local: "" };
  },
  mounted() {
    this.showKept = () => (this.local = this.kept);
    window.addEventListener("samenspraak:tap-kept", this.showKept);
    if (sessionStorage.getItem("samenspraak:tap-lost")) {
      sessionStorage.removeItem("samenspraak:tap-lost");
      this.local = this.lost;
    }
  },
  unmounted() {
    window.removeEventListener("samenspraak:tap-kept", this.showKept);
  },
  watch: {
    serial() {
      this.local = "";
    },
  },
};
