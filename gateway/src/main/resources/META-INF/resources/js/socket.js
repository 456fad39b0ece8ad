// A WebSocket that comes back by itself: back-off with full jitter (backoff.js), token passed as sub-protocol
// (browsers cannot set headers on a WebSocket, docs/api.md "Identity"), and an outbox (outbox.js) of the messages
// typed and not stored yet: sent one at a time per chat, again with the same clientMessageId after a reconnect or a
// temporary refusal (`unavailable`, `rate-limited`), kept with their text when refused for good.
import { Backoff, BACKOFF } from './backoff.js';
import { Outbox } from './outbox.js';

const CARRIER = 'bearer-token-carrier';
/** Close codes after which trying again cannot help (docs/api.md). */
export const FINAL_CLOSE_CODES = new Set([4401, 4403, 4404]);
export const TOKEN_EXPIRED = 4401;
/** Closing on purpose to open again at once (a renewed token). */
const RECONNECT_NOW = 4000;

export class ResilientSocket {
  /**
   * @param path e.g. /ws/contact/<chatId>
   * @param token the bearer token, or a function that returns the current one (read on every connect)
   * @param handlers {onOpen(socket), onFrame(frame), onStatus(status, detail), onFinalClose(code, reason),
   *                  onOutbox(chatId): the unsent messages of that chat changed (draw them again),
   *                  onTokenExpired(): Promise of a fresh token (or null) when the server closed with 4401}
   */
  constructor(path, token, handlers) {
    this.path = path;
    this.tokenProvider = typeof token === 'function' ? token : () => token;
    this.handlers = handlers;
    this.backoff = new Backoff();
    this.outbox = new Outbox();
    this.stopped = false;
    this.connect();
  }

  url() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${scheme}//${location.host}${this.path}`;
  }

  connect() {
    if (this.stopped) return;
    this.handlers.onStatus?.('connecting');
    const protocols = [CARRIER, encodeURIComponent(`quarkus-http-upgrade#Authorization#Bearer ${this.tokenProvider()}`)];
    const ws = new WebSocket(this.url(), protocols);
    this.ws = ws;
    ws.addEventListener('open', () => {
      clearTimeout(this.stableTimer);
      this.stableTimer = setTimeout(() => this.backoff.reset(), BACKOFF.stableMs);
      this.handlers.onStatus?.('open');
      this.handlers.onOpen?.(this); // the page's resume frames go before the unsent messages
      this.flush();
    });
    ws.addEventListener('message', (event) => {
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      this.track(frame);
      this.handlers.onFrame?.(frame);
    });
    ws.addEventListener('close', (event) => {
      if (this.ws !== ws) return;
      clearTimeout(this.stableTimer);
      this.outbox.disconnected();
      this.changed(null);
      if (event.code === RECONNECT_NOW) {
        this.connect();
      } else if (event.code === TOKEN_EXPIRED && this.handlers.onTokenExpired) {
        this.renewAndReconnect(event);
      } else if (FINAL_CLOSE_CODES.has(event.code)) {
        this.finalClose(event.code, event.reason);
      } else {
        this.scheduleReconnect();
      }
    });
  }

  /** Acks, items and error frames that name one of our messages move it along the outbox. */
  track(frame) {
    const id = frame.type === 'item' ? frame.item?.clientMessageId : frame.clientMessageId;
    if (!id) return;
    let entry = null;
    if (frame.type === 'ack') entry = this.outbox.acknowledge(id);
    else if (frame.type === 'item') entry = this.outbox.settle(id);
    else if (frame.type === 'error') entry = this.outbox.refuse(frame, Date.now());
    if (!entry) return;
    this.changed(entry.chatId);
    this.flush();
  }

  /** Sends what is due now, and wakes up for the next retry. */
  flush() {
    clearTimeout(this.retryTimer);
    for (const frame of this.outbox.due(Date.now(), this.open)) this.rawSend(frame);
    const next = this.outbox.nextRetryAt();
    if (next !== null && this.open) this.retryTimer = setTimeout(() => this.flush(), Math.max(0, next - Date.now()));
  }

  changed(chatId) {
    if (chatId === null) {
      for (const id of new Set(this.outbox.entries.map((e) => e.chatId))) this.handlers.onOutbox?.(id);
    } else {
      this.handlers.onOutbox?.(chatId);
    }
  }

  async renewAndReconnect(event) {
    let token = null;
    try {
      token = await this.handlers.onTokenExpired();
    } catch {
      token = null;
    }
    if (token) this.scheduleReconnect();
    else this.finalClose(event.code, event.reason);
  }

  finalClose(code, reason) {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.handlers.onStatus?.('closed', code);
    this.handlers.onFinalClose?.(code, reason);
  }

  scheduleReconnect() {
    if (this.stopped) return;
    const delay = this.backoff.next();
    this.handlers.onStatus?.('reconnecting', Math.ceil(delay / 1000));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), delay);
  }

  /** Opens a new socket now (with the current token) and lets the old one go; unsent messages follow. */
  reconnectNow() {
    if (this.stopped) return;
    if (this.ws && this.ws.readyState <= WebSocket.OPEN) this.ws.close(RECONNECT_NOW);
    else {
      clearTimeout(this.timer);
      this.connect();
    }
  }

  get open() {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  rawSend(frame) {
    if (this.open) {
      this.ws.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  /** Sends a frame now if connected; frames that are not messages are dropped while offline. */
  send(frame) {
    return this.rawSend(frame);
  }

  /** Queues a message frame (with its clientMessageId) and sends it when its turn comes, across reconnects. */
  sendMessage(frame) {
    const entry = this.outbox.add(frame);
    this.changed(entry.chatId);
    this.flush();
    return entry;
  }

  /** The messages of a chat not stored yet, and those refused for good, in typing order. */
  unsent(chatId = null) {
    return this.outbox.of(chatId);
  }

  /** Takes a failed message out of the outbox (the page puts its text back in the message box). */
  discard(clientMessageId) {
    const entry = this.outbox.discard(clientMessageId);
    if (entry) this.changed(entry.chatId);
    return entry;
  }

  /** Drops the connection on purpose, as a network failure would (tests, "reconnect" links). */
  drop() {
    this.ws?.close();
  }

  close() {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.stableTimer);
    clearTimeout(this.retryTimer);
    this.ws?.close(1000);
  }
}
