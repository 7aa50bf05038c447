// NiceGUI 3.18 tells the server which message a page expects next only when socket.io reconnects by itself
// ("reconnect_attempt"). A socket opened again any other way (socket.connect()) sent the number from page load,
// and the server then numbered the newest updates as ones the page had already seen, so the page dropped them.
// Keep the number current on every open. The server half is app/reconnect.py.
const openSocket = io.Manager.prototype.open;
io.Manager.prototype.open = function (...args) {
  if (this.opts.query && window.nextMessageId !== undefined) this.opts.query.next_message_id = window.nextMessageId;
  return openSocket.apply(this, args);
};
