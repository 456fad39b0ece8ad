// What the desk's alerts count, pure logic (no DOM, unit-tested): the tab title's count, and which offer frames
// are new.

/** "(3) Switchboard — Agent desktop": offers waiting plus unread messages; a background tab says it needs a look. */
export function deskTitle(baseTitle, waiting) {
  return waiting > 0 ? `(${waiting}) ${baseTitle}` : baseTitle;
}

/**
 * Which offers deserve a sound and a notification: the first time each offerId is seen. The service sends every
 * open offer again when the socket reconnects, and those were announced already.
 */
export class OfferAnnouncements {
  constructor(limit = 200) {
    this.seen = new Set();
    this.limit = limit;
  }

  /** True the first time an offer id is given. Old ids are forgotten past `limit` (offers expire in seconds). */
  isNew(offerId) {
    if (!offerId || this.seen.has(offerId)) return false;
    this.seen.add(offerId);
    if (this.seen.size > this.limit) this.seen.delete(this.seen.values().next().value);
    return true;
  }
}

/**
 * Whether a new timeline item of a chat not in view makes it "unread": a message from someone else, after what the
 * agent had seen (`readSeq`: the chat's last seq when the desk listed it, so a reload's resume, which replays the
 * whole conversation, counts nothing). Notices and the agent's own messages (from another desk) do not count.
 */
export function countsAsUnread(item, { userId, readSeq = 0 }) {
  return item?.kind === 'MESSAGE' && item.authorId !== userId && item.seq > readSeq;
}
