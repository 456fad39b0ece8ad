// The messages a participant typed that the server has not stored yet, in the order they were typed. Pure logic,
// no DOM and no socket, so that node --test checks it (gateway/src/test/js).
//
// Per chat only the oldest unsettled message is on the wire at a time: when the service answers it `unavailable`
// or `rate-limited` (docs/api.md), the ones typed after it wait, so a later message never overtakes an earlier one.
// A message goes out again with the same clientMessageId after a temporary refusal or a reconnect; the server
// applies a clientMessageId once and answers a repeat with the stored item's ack.

/** Error codes after which the same frame is sent again (they carry retryAfterSeconds). */
export const TEMPORARY_CODES = new Set(['unavailable', 'rate-limited']);
/** When a temporary refusal names no delay. */
export const DEFAULT_RETRY_MS = 2000;

export const State = Object.freeze({
  QUEUED: 'queued', // waiting for its turn or for the socket
  SENT: 'sent', // on the wire, no answer yet
  RETRY: 'retry', // refused for now; goes again at retryAt
  STORED: 'stored', // acknowledged: no longer holds the next one back; shown until its item arrives
  FAILED: 'failed', // refused for good: shown with its text, never sent again by itself
});
const DONE = new Set([State.STORED, State.FAILED]);

export class Outbox {
  constructor() {
    this.entries = []; // {clientMessageId, chatId, frame, state, retryAt, error}, in typing order
  }

  /** Queues a message frame (it must carry a clientMessageId); returns its entry. */
  add(frame) {
    const entry = { clientMessageId: frame.clientMessageId, chatId: frame.chatId ?? null, frame,
      state: State.QUEUED, retryAt: 0, error: null };
    this.entries.push(entry);
    return entry;
  }

  get(clientMessageId) {
    return this.entries.find((e) => e.clientMessageId === clientMessageId) ?? null;
  }

  /** Entries of one chat (null: the contact's only chat) still shown in the page: unsent or failed. */
  of(chatId = null) {
    return this.entries.filter((e) => e.chatId === (chatId ?? null));
  }

  /** True while something typed is not stored yet (failed ones excepted). */
  get unsettled() {
    return this.entries.some((e) => !DONE.has(e.state));
  }

  /**
   * The frames that may go now, marked SENT: per chat the oldest unsettled message, when it is queued or its retry
   * time has come. Nothing while the socket is closed.
   */
  due(now, connected = true) {
    if (!connected) return [];
    const heads = new Map();
    for (const entry of this.entries) {
      if (!DONE.has(entry.state) && !heads.has(entry.chatId)) heads.set(entry.chatId, entry);
    }
    const out = [];
    for (const head of heads.values()) {
      if (head.state === State.QUEUED || (head.state === State.RETRY && head.retryAt <= now)) {
        head.state = State.SENT;
        head.error = null;
        out.push(head.frame);
      }
    }
    return out;
  }

  /** When the next retry falls due (ms since epoch), or null when none waits. */
  nextRetryAt() {
    const times = this.entries.filter((e) => e.state === State.RETRY).map((e) => e.retryAt);
    return times.length ? Math.min(...times) : null;
  }

  /**
   * The server acknowledged it: the next one may go. It stays drawn (as sent) until its item arrives, so that it
   * never vanishes between the ack and the item. Returns the entry.
   */
  acknowledge(clientMessageId) {
    const entry = this.get(clientMessageId);
    if (entry && entry.state !== State.FAILED) entry.state = State.STORED;
    return entry;
  }

  /** Its item arrived (the timeline shows it now): it leaves the outbox. Returns the entry. */
  settle(clientMessageId) {
    const index = this.entries.findIndex((e) => e.clientMessageId === clientMessageId);
    if (index < 0) return null;
    return this.entries.splice(index, 1)[0];
  }

  /**
   * An error frame naming one of our messages: temporary codes wait retryAfterSeconds (at least the default) and
   * go again; any other code fails it for good. Returns the entry, or null when the frame names none of ours.
   */
  refuse(frame, now) {
    const entry = this.get(frame.clientMessageId);
    if (!entry || DONE.has(entry.state)) return entry;
    if (TEMPORARY_CODES.has(frame.code)) {
      const seconds = Number(frame.retryAfterSeconds);
      entry.state = State.RETRY;
      entry.retryAt = now + (Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_RETRY_MS);
      entry.error = frame.code;
    } else {
      entry.state = State.FAILED;
      entry.error = frame.message || frame.code || 'refused';
    }
    return entry;
  }

  /** The socket closed: whatever was on the wire is unanswered and goes again once it is back. */
  disconnected() {
    for (const entry of this.entries) {
      if (entry.state === State.SENT) entry.state = State.QUEUED;
    }
  }

  /** The user took a failed message back (to edit or copy it): it leaves the outbox. */
  discard(clientMessageId) {
    return this.settle(clientMessageId);
  }

  /** Plain copies for sessionStorage, so a reload keeps what was typed and not stored yet. */
  snapshot() {
    // Stored ones are left out: the resume after the reload brings their items.
    return this.entries.filter((e) => e.state !== State.STORED).map(({ frame, state, error }) => ({ frame,
      state: state === State.FAILED ? State.FAILED : State.QUEUED, error }));
  }

  /** Takes back a snapshot (after a reload): unsent messages go again, failed ones stay failed. */
  restore(snapshot) {
    for (const saved of Array.isArray(snapshot) ? snapshot : []) {
      if (!saved?.frame?.clientMessageId || this.get(saved.frame.clientMessageId)) continue;
      const entry = this.add(saved.frame);
      if (saved.state === State.FAILED) {
        entry.state = State.FAILED;
        entry.error = saved.error;
      }
    }
  }
}
