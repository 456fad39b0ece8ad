// What one chat's timeline holds, apart from how it is drawn: items by seq, each at most once (a resume or a
// reconnect may replay some), and the highest seq with no gap before it (what a resume asks for). Pure logic.

export class TimelineModel {
  constructor() {
    this.items = new Map(); // seq -> item
    this.clientIds = new Set(); // clientMessageIds of the messages shown
    this.messageKeys = new Set(); // author + clientMessageId: the server's key of one message
    this.lastSeq = 0;
    this.highestSeq = 0; // the highest seq held, gaps or not
  }

  has(seq) {
    return this.items.has(seq);
  }

  /** Whether a message with this clientMessageId is shown (then its pending copy is not). */
  hasMessage(clientMessageId) {
    return Boolean(clientMessageId) && this.clientIds.has(clientMessageId);
  }

  /** Takes an item unless it is not one or already held (same seq, or same message); true when it is new. */
  add(item) {
    if (!item || !Number.isInteger(item.seq) || item.seq < 1 || this.items.has(item.seq)) return false;
    const key = item.clientMessageId && item.kind !== 'NOTICE' ? `${item.authorId}/${item.clientMessageId}` : null;
    if (key && this.messageKeys.has(key)) return false;
    this.items.set(item.seq, item);
    if (key) {
      this.messageKeys.add(key);
      this.clientIds.add(item.clientMessageId);
    }
    while (this.items.has(this.lastSeq + 1)) this.lastSeq += 1;
    this.highestSeq = Math.max(this.highestSeq, item.seq);
    return true;
  }

  /** The smallest seq held above this one (the item to insert before), or null: it goes last. */
  followingSeq(seq) {
    let best = null;
    for (const held of this.items.keys()) {
      if (held > seq && (best === null || held < best)) best = held;
    }
    return best;
  }

  /** The items held, by seq. */
  ordered() {
    return [...this.items.values()].sort((a, b) => a.seq - b.seq);
  }

  clear() {
    this.items.clear();
    this.clientIds.clear();
    this.messageKeys.clear();
    this.lastSeq = 0;
    this.highestSeq = 0;
  }
}
