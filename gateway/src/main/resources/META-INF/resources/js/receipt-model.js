// Delivery and read receipts of one chat (docs/api.md, receipts), apart from how they are drawn. Pure logic.
// Each participant's watermarks (the highest seq their client received, the highest it showed) only grow; who was in
// the chat at each seq comes from the join and leave notices, so a message counts only the people who could get it:
// those in the chat when it was written, never the contact for a whisper, never the author.

/** How long the page gathers items before it says how far it got: one receipt covers every item before it. */
export const RECEIPT_DELAY_MS = 400;

const JOIN = 'join';
const LEAVE = 'leave';

export class ReceiptModel {
  constructor() {
    this.people = new Map(); // participantId -> {participantId, name, role, deliveredSeq, readSeq, steps: Map(seq -> join|leave)}
  }

  person(participantId) {
    let p = this.people.get(participantId);
    if (!p) {
      p = { participantId, name: '', role: '', deliveredSeq: 0, readSeq: 0, steps: new Map() };
      this.people.set(participantId, p);
    }
    return p;
  }

  /** A receipt ({participantId, name, role, deliveredSeq, readSeq}); true when a watermark grew. */
  update(receipt) {
    if (!receipt?.participantId) return false;
    const p = this.person(receipt.participantId);
    if (receipt.name) p.name = receipt.name;
    if (receipt.role) p.role = receipt.role;
    const delivered = Math.max(p.deliveredSeq, Number(receipt.deliveredSeq) || 0, Number(receipt.readSeq) || 0);
    const read = Math.max(p.readSeq, Number(receipt.readSeq) || 0);
    const grew = delivered > p.deliveredSeq || read > p.readSeq;
    p.deliveredSeq = delivered;
    p.readSeq = read;
    return grew;
  }

  /** A timeline item: join and leave notices say who is in the chat from which seq (a replay changes nothing). */
  notice(item) {
    if (item?.kind !== 'NOTICE' || !item.participantId) return;
    const step = item.notice === 'JOINED' ? JOIN
      : item.notice === 'LEFT' || item.notice === 'TRANSFERRED' ? LEAVE : null;
    if (!step) return;
    const p = this.person(item.participantId);
    if (item.name) p.name = item.name;
    if (item.role) p.role = item.role;
    p.steps.set(item.seq, step);
  }

  /** Whether the participant was in the chat for the item at seq: their last join or leave before it says. */
  inChatAt(p, seq) {
    let last = null;
    let lastSeq = -1;
    for (const [at, step] of p.steps) {
      if (at < seq && at > lastSeq) {
        last = step;
        lastSeq = at;
      }
    }
    return last === JOIN;
  }

  /**
   * Whether the participant is in the chat as of the items held: the service refuses receipts from anyone who is not
   * (a guest who left, an agent transferred away, a contact who left), so the page does not send them.
   */
  present(participantId) {
    const p = this.people.get(participantId);
    return Boolean(p) && this.inChatAt(p, Number.MAX_SAFE_INTEGER);
  }

  /**
   * What the ticks on a message of the viewer say: 'sent' (stored), 'delivered' (every other participant's client
   * got it), 'read' (every one of them saw it), with the names of those who read it.
   */
  ticks(item, viewerId) {
    const audience = [...this.people.values()].filter((p) => p.participantId !== viewerId
      && this.inChatAt(p, item.seq) && !(item.whisper && p.role === 'CONTACT'));
    const readBy = audience.filter((p) => p.readSeq >= item.seq).map((p) => p.name || p.participantId);
    const delivered = audience.length > 0 && audience.every((p) => p.deliveredSeq >= item.seq);
    const state = !delivered ? 'sent' : readBy.length === audience.length ? 'read' : 'delivered';
    return { state, readBy, audience: audience.length };
  }

  clear() {
    this.people.clear();
  }
}

/**
 * Says how far this page received and showed a chat, at most once per delay for each kind: the highest seq only, as
 * one receipt covers all before it. A read implies a receipt, so one 'read' frame says both when it goes far enough.
 */
export class ReceiptSender {
  /** @param send(frame) sends {type: 'received'|'read', seq} (the page adds the chatId where the socket needs it) */
  // The browser's timers must not be called as methods of another object ("Illegal invocation"): wrapped.
  constructor(send, { delayMs = RECEIPT_DELAY_MS, setTimer = (fn, ms) => setTimeout(fn, ms),
    clearTimer = (id) => clearTimeout(id) } = {}) {
    this.sendFrame = send;
    this.delayMs = delayMs;
    this.setTimer = setTimer;
    this.clearTimer = clearTimer;
    this.wanted = { delivered: 0, read: 0 };
    this.sent = { delivered: 0, read: 0 };
    this.timer = null;
  }

  received(seq) {
    if (Number.isInteger(seq) && seq > this.wanted.delivered) this.wanted.delivered = seq;
    this.schedule();
  }

  read(seq) {
    if (Number.isInteger(seq) && seq > this.wanted.read) this.wanted.read = seq;
    this.wanted.delivered = Math.max(this.wanted.delivered, this.wanted.read);
    this.schedule();
  }

  /**
   * The service's word on this viewer's receipts: a live receipt confirms what went; on resume it is the whole truth
   * (a frame sent while the socket was down was lost), and what is missing goes again.
   */
  confirmed(receipt, { exact = false } = {}) {
    const delivered = Number(receipt?.deliveredSeq) || 0;
    const read = Number(receipt?.readSeq) || 0;
    this.sent = exact ? { delivered, read }
      : { delivered: Math.max(this.sent.delivered, delivered), read: Math.max(this.sent.read, read) };
    this.schedule();
  }

  schedule() {
    if (this.timer !== null || !this.behind()) return;
    this.timer = this.setTimer(() => {
      this.timer = null;
      this.flush();
    }, this.delayMs);
  }

  behind() {
    return this.wanted.delivered > this.sent.delivered || this.wanted.read > this.sent.read;
  }

  /** Sends what is due; a frame the socket could not send (offline: it returns false) goes after the resume. */
  flush() {
    if (this.wanted.read > this.sent.read) {
      if (this.sendFrame({ type: 'read', seq: this.wanted.read }) === false) return;
      this.sent.read = this.wanted.read;
      this.sent.delivered = Math.max(this.sent.delivered, this.wanted.read);
    }
    if (this.wanted.delivered > this.sent.delivered) {
      if (this.sendFrame({ type: 'received', seq: this.wanted.delivered }) === false) return;
      this.sent.delivered = this.wanted.delivered;
    }
  }

  stop() {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }
}
