// NiceGUI 3.18 tells the server which message a page expects next only when socket.io reconnects by itself
// ("reconnect_attempt"). A socket opened again any other way (socket.connect()) sent the number from page load,
// and the server then numbered the newest updates as ones the page had already seen, so the page dropped them.
// Keep the number current on every open. The server half is app/reconnect.py.
const openSocket = io.Manager.prototype.open;
io.Manager.prototype.open = function (...args) {
  if (this.opts.query && window.nextMessageId !== undefined) this.opts.query.next_message_id = window.nextMessageId;
  return openSocket.apply(this, args);
};

// A tap (not typing) is marked as one for the server (app/late_taps.py). Made while the socket is down, socket.io
// keeps it and sends it when the connection is back; meanwhile the status line says so (app/widgets/status_line.js).
const TAPS = new Set(["click", "pick", "change"]);
const emit = io.Socket.prototype.emit;
io.Socket.prototype.emit = function (name, message, ...rest) {
  const element = name === "event" ? mounted_app.elements[message.id] : undefined;
  if (element?.events.some((event) => event.listener_id === message.listener_id && TAPS.has(event.type))) {
    message.tap = true;
    if (!this.connected) window.dispatchEvent(new Event("samenspraak:tap-kept"));
  }
  return emit.call(this, name, message, ...rest);
};

// A page that is replaced (the server restarted, or kept it shorter than the phone was away) loses the taps
// socket.io still holds: the next page says so (app/widgets/status_line.js) instead of nothing.
window.addEventListener("beforeunload", () => {
  if (window.socket?.sendBuffer?.some((packet) => packet.data?.[0] === "event" && packet.data?.[1]?.tap)) {
    sessionStorage.setItem("samenspraak:tap-lost", "1");
  }
});
