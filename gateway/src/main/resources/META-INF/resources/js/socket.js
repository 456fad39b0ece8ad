// A WebSocket that comes back by itself: exponential back-off with full jitter, token passed as sub-protocol
// (browsers cannot set headers on a WebSocket, docs/api.md "Identity"), and an outbox of unacknowledged
// messages that are sent again, with the same clientMessageId, after a reconnect (the server dedups them).

const CARRIER = 'bearer-token-carrier';
// Back-off ceiling of the first retry, doubled on each failed one up to MAX_DELAY_MS. The delay is drawn anywhere
// below the ceiling (full jitter): when the gateway or session-service restarts, thousands of pages lose their socket
// in the same instant, and must not all come back in the same instant.
const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30000;
const MIN_DELAY_MS = 100;
// A socket counts as healthy again (back-off starts over) only after staying open this long, so a server that
// accepts and drops at once is not hammered at the first retry's pace.
const STABLE_MS = 10000;
/** Close codes after which trying again cannot help (docs/api.md). */
export const FINAL_CLOSE_CODES = new Set([4401, 4403, 4404]);

export class ResilientSocket {
  /**
   * @param path e.g. /ws/contact/<chatId>
   * @param token the bearer token
   * @param handlers {onOpen(socket), onFrame(frame), onStatus(status, detail), onFinalClose(code, reason)}
   */
  constructor(path, token, handlers) {
    this.path = path;
    this.token = token;
    this.handlers = handlers;
    this.attempt = 0;
    this.stopped = false;
    this.pending = new Map(); // clientMessageId -> frame, until acknowledged
    this.connect();
  }

  url() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${scheme}//${location.host}${this.path}`;
  }

  connect() {
    if (this.stopped) return;
    this.handlers.onStatus?.('connecting');
    const protocols = [CARRIER, encodeURIComponent(`quarkus-http-upgrade#Authorization#Bearer ${this.token}`)];
    const ws = new WebSocket(this.url(), protocols);
    this.ws = ws;
    ws.addEventListener('open', () => {
      clearTimeout(this.stableTimer);
      this.stableTimer = setTimeout(() => { this.attempt = 0; }, STABLE_MS);
      this.handlers.onStatus?.('open');
      this.handlers.onOpen?.(this);
      for (const frame of this.pending.values()) this.rawSend(frame);
    });
    ws.addEventListener('message', (event) => {
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      // Acknowledged, or refused for good (an error frame names the message): nothing to send again.
      if ((frame.type === 'ack' || frame.type === 'error') && frame.clientMessageId) {
        this.pending.delete(frame.clientMessageId);
      }
      if (frame.type === 'item' && frame.item?.clientMessageId) this.pending.delete(frame.item.clientMessageId);
      this.handlers.onFrame?.(frame);
    });
    ws.addEventListener('close', (event) => {
      if (this.ws !== ws) return;
      clearTimeout(this.stableTimer);
      if (FINAL_CLOSE_CODES.has(event.code)) {
        this.stopped = true;
        this.handlers.onStatus?.('closed', event.code);
        this.handlers.onFinalClose?.(event.code, event.reason);
        return;
      }
      this.scheduleReconnect();
    });
  }

  scheduleReconnect() {
    if (this.stopped) return;
    const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** this.attempt);
    const delay = Math.max(MIN_DELAY_MS, Math.random() * ceiling);
    this.attempt += 1;
    this.handlers.onStatus?.('reconnecting', Math.ceil(delay / 1000));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), delay);
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

  /** Sends a message frame and keeps it until the server acknowledges it, across reconnects. */
  sendMessage(frame) {
    this.pending.set(frame.clientMessageId, frame);
    this.rawSend(frame);
  }

  /** Drops the connection on purpose, as a network failure would (tests, "reconnect" links). */
  drop() {
    this.ws?.close();
  }

  close() {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.stableTimer);
    this.ws?.close(1000);
  }
}
