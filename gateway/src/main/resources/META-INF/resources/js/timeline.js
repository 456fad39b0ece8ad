// One chat's timeline as the user sees it: items ordered by seq, each shown once (resume may replay some), then the
// viewer's own messages not stored yet, marked as pending (or failed, with their text kept).
import { el, isWebUrl } from './dom.js';
import { formatDuration, formatTime, label, t } from './i18n.js';
import { TimelineModel } from './timeline-model.js';
import { callNotice } from './call-model.js';
import { ReceiptModel } from './receipt-model.js';

const DELIVERY = { queued: 'delivery.queued', sent: 'delivery.sent', retry: 'delivery.retry', stored: 'delivery.stored' };
const TICKS = { sent: '\u2713', delivered: '\u2713\u2713', read: '\u2713\u2713' };

// Phone-number-like runs: an optional +, then digits with spaces, dots, dashes or brackets (7+ digits in all).
const PHONE_PATTERN = /\+?\(?\d[\d\s().-]{5,}\d/g;
const MIN_PHONE_DIGITS = 7;
const digits = (s) => String(s).replace(/\D/g, '');

/**
 * A notice in the page's language, from its kind and the fields it carries (who, why it ended, whom it went to); a
 * kind this page does not know shows the service's own (English) sentence.
 */
export function noticeText(item) {
  if (item.notice === 'CALL') {
    // A call's step: worded from its fields (channel, state, reason, seconds talked), the service's sentence else.
    const { key, params } = callNotice(item, formatDuration);
    return label(key.slice(0, key.lastIndexOf('.')), key.slice(key.lastIndexOf('.') + 1), item.text || '', params);
  }
  const params = { name: item.name || '', to: item.toName || '' };
  const plain = label('notice', item.notice, item.text || String(item.notice ?? ''), params);
  // As full as the service's sentence: why the chat ended (and by whom), whom it was transferred to.
  if (item.notice === 'ENDED' && item.reason) return label('notice.ENDED', item.reason, plain, params);
  if (item.notice === 'TRANSFERRED' && item.toName) return label('notice', 'TRANSFERRED_TO', plain, params);
  return plain;
}


export class Timeline {
  /**
   * @param list the <ol> to render into
   * @param options {viewerRole: 'CONTACT'|'AGENT', onCall(number)?: phone icon action (agent desktop),
   *                 onPagePushed(url)?: called once for a page push that arrives live,
   *                 onTakeBack(entry)?: the viewer takes a failed message back (Edit / Dismiss),
   *                 files?: a Files (files.js) of the chat, to download and preview its files,
   *                 decorate(node, item)?: adjusts an item's node once drawn (staff pages mark whispers),
   *                 viewerId?: the viewer's participant id: their own messages carry receipt ticks}
   */
  constructor(list, options = {}) {
    this.list = list;
    this.options = options;
    this.model = new TimelineModel();
    this.receipts = new ReceiptModel();
    this.pending = []; // outbox entries drawn after the items
  }

  /** Highest seq received (a contact's has gaps where whispers are): how far a delivery receipt goes. */
  get highestSeq() {
    return this.model.highestSeq;
  }

  /** Whether the viewer is in the chat as of the items shown (only then may they send receipts). */
  get viewerPresent() {
    return this.receipts.present(this.options.viewerId);
  }

  /** Receipts ({participantId, name, role, deliveredSeq, readSeq}) changed: the viewer's ticks say it again. */
  updateReceipts(receipts) {
    let grew = false;
    for (const receipt of receipts) grew = this.receipts.update(receipt) || grew;
    if (grew) this.refreshTicks();
  }

  refreshTicks() {
    if (!this.options.viewerId) return;
    for (const node of this.list.querySelectorAll('.item.message[data-seq]')) {
      const item = this.model.items.get(Number(node.dataset.seq));
      if (!item || item.authorId !== this.options.viewerId) continue;
      node.querySelector('.ticks')?.replaceWith(this.ticks(item));
    }
  }

  /** ✓ stored, ✓✓ delivered to everyone else in the chat, ✓✓ marked read once all of them saw it; says who read. */
  ticks(item) {
    const { state, readBy, audience } = this.receipts.ticks(item, this.options.viewerId);
    const names = readBy.join(', ');
    const text = audience > 1 && readBy.length && state !== 'read' ? t('receipt.deliveredReadBy', {
      state: t(`receipt.${state}`), names })
      : audience > 1 && state === 'read' ? t('receipt.readBy', { names }) : t(`receipt.${state}`);
    return el('span', { className: `ticks ticks-${state}`, role: 'img', 'aria-label': text, title: text },
      TICKS[state]);
  }

  /** Highest seq with no gap before it: what a resume asks for. */
  get lastSeq() {
    return this.model.lastSeq;
  }

  has(seq) {
    return this.model.has(seq);
  }

  /** Adds an item unless it is already shown; returns true when it is new. */
  add(item, { live = false } = {}) {
    if (!this.model.add(item)) return false;
    this.receipts.notice(item);
    const node = this.render(item);
    this.options.decorate?.(node, item);
    node.dataset.seq = String(item.seq);
    const following = this.model.followingSeq(item.seq);
    const next = following !== null ? this.list.querySelector(`[data-seq="${following}"]`)
      : this.list.querySelector('.pending, .failed');
    this.list.insertBefore(node, next ?? null);
    // Stored now: its pending copy goes (the outbox hears of it too, this only spares a flicker).
    if (item.clientMessageId) this.list.querySelector(`[data-client-message-id="${CSS.escape(item.clientMessageId)}"]`)?.remove();
    if (live && item.messageKind === 'PAGE_PUSH' && item.url) this.options.onPagePushed?.(item.url);
    node.scrollIntoView?.({ block: 'nearest' });
    return true;
  }

  /** Draws every item and unsent message again, e.g. in another language. */
  redraw() {
    const items = this.model.ordered();
    this.list.replaceChildren(...items.map((item) => {
      const node = this.render(item);
      node.dataset.seq = String(item.seq);
      return node;
    }));
    this.showPending(this.pending);
  }

  clear() {
    this.options.files?.clear();
    this.model.clear();
    this.receipts.clear();
    this.pending = [];
    this.list.replaceChildren();
  }

  /** Draws the viewer's unsent and failed messages (outbox entries, typing order) after the stored items. */
  showPending(entries) {
    this.list.querySelectorAll('.pending, .failed').forEach((node) => node.remove());
    this.pending = entries.filter((entry) => !this.model.hasMessage(entry.clientMessageId));
    for (const entry of this.pending) {
      const node = this.renderPending(entry);
      this.list.append(node);
      node.scrollIntoView?.({ block: 'nearest' });
    }
  }

  renderPending(entry) {
    const failed = entry.state === 'failed';
    const { text, pageUrl } = entry.frame;
    const status = failed ? t('delivery.failed', { error: entry.error }) : t(DELIVERY[entry.state]);
    return el('li', {
      className: `item message mine ${failed ? 'failed' : 'pending'}`,
      dataset: { clientMessageId: entry.clientMessageId },
    },
    el('span', { className: 'author' }, t('timeline.author', { name: t('timeline.you') })),
    ' ',
    el('span', { className: 'text' }, text || (pageUrl ? t('timeline.page', { url: pageUrl }) : t('timeline.standardResponse'))),
    el('span', { className: 'delivery', role: 'status' }, status),
    failed && this.options.onTakeBack ? el('button', {
      type: 'button', className: 'take-back', onclick: () => this.options.onTakeBack(entry),
    }, text || pageUrl ? t('timeline.edit') : t('timeline.dismiss')) : null);
  }

  render(item) {
    if (item.kind === 'NOTICE') {
      return el('li', { className: `item notice notice-${String(item.notice).toLowerCase()}` },
        el('span', { className: 'notice-text' }, noticeText(item)),
        el('time', { className: 'time', datetime: item.at }, formatTime(item.at)));
    }
    const role = String(item.authorRole || '').toLowerCase();
    const mine = this.options.viewerRole && String(item.authorRole).toUpperCase() === this.options.viewerRole;
    const own = this.options.viewerId && item.authorId === this.options.viewerId;
    return el('li', { className: `item message from-${role}${mine ? ' mine' : ''}` },
      el('span', { className: 'author' }, t('timeline.author', { name: item.authorName || role })),
      ' ',
      this.body(item),
      el('time', { className: 'time', datetime: item.at }, formatTime(item.at)),
      own ? this.ticks(item) : null);
  }

  body(item) {
    // A file: its name, size and download, an image also previewed (files.js); without access, its name only.
    if (item.messageKind === 'FILE' && item.attachment) {
      return this.options.files ? this.options.files.render(item)
        : el('span', { className: 'text file-item' }, el('span', { className: 'file-name' }, item.attachment.name));
    }
    const body = el('span', { className: 'text' });
    const pushed = item.messageKind === 'PAGE_PUSH' && item.url;
    // A page push carries the address as its text too (the transcript reads well): show it once, as the link.
    const text = pushed && item.text === item.url ? '' : item.text;
    if (text) body.append(...this.textWithPhones(text, item.phoneNumbers || []));
    if (pushed) {
      if (text) body.append(' ');
      body.append(this.pageLink(item.url));
    }
    return body;
  }

  pageLink(url) {
    return isWebUrl(url)
      ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', className: 'pushed-page' },
        t('timeline.page', { url }))
      : el('span', { className: 'pushed-page' }, t('timeline.page', { url }));
  }

  /** Text nodes, with a phone icon button after every number when the viewer can call (agent desktop). */
  textWithPhones(text, knownNumbers) {
    const onCall = this.options.onCall;
    if (!onCall) return [text];
    const nodes = [];
    const unmatched = new Set(knownNumbers);
    let last = 0;
    for (const match of text.matchAll(PHONE_PATTERN)) {
      const found = match[0];
      if (digits(found).length < MIN_PHONE_DIGITS) continue;
      const known = knownNumbers.find((n) => digits(n).endsWith(digits(found)) || digits(found).endsWith(digits(n)));
      if (known) unmatched.delete(known);
      const number = known || found.trim();
      nodes.push(text.slice(last, match.index), found, this.phoneButton(number));
      last = match.index + found.length;
    }
    nodes.push(text.slice(last));
    for (const number of unmatched) nodes.push(' ', number, this.phoneButton(number));
    return nodes;
  }

  phoneButton(number) {
    return el('button', {
      type: 'button', className: 'phone-icon', 'aria-label': t('timeline.call', { number }),
      title: t('timeline.call', { number }),
      dataset: { number }, onclick: () => this.options.onCall(number),
    }, '\u260E');
  }
}
