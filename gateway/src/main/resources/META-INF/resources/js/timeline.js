// One chat's timeline as the user sees it: items ordered by seq, each shown once (resume may replay some).
import { el, formatTime, isWebUrl } from './dom.js';

const NOTICE_TEXT = {
  JOINED: (name) => `${name} joined the chat`,
  LEFT: (name) => `${name} left the chat`,
  TRANSFERRED: (name) => `The chat was transferred${name ? ` to ${name}` : ''}`,
  ENDED: () => 'The chat has ended',
};

// Phone-number-like runs: an optional +, then digits with spaces, dots, dashes or brackets (7+ digits in all).
const PHONE_PATTERN = /\+?\(?\d[\d\s().-]{5,}\d/g;
const MIN_PHONE_DIGITS = 7;
const digits = (s) => String(s).replace(/\D/g, '');

export class Timeline {
  /**
   * @param list the <ol> to render into
   * @param options {viewerRole: 'CONTACT'|'AGENT', onCall(number)?: phone icon action (agent desktop),
   *                 onPagePushed(url)?: called once for a page push that arrives live}
   */
  constructor(list, options = {}) {
    this.list = list;
    this.options = options;
    this.items = new Map();
    this.lastSeq = 0; // highest seq with no gap before it: what a resume asks for
  }

  has(seq) {
    return this.items.has(seq);
  }

  /** Adds an item unless it is already shown; returns true when it is new. */
  add(item, { live = false } = {}) {
    if (!item || !Number.isInteger(item.seq) || this.items.has(item.seq)) return false;
    this.items.set(item.seq, item);
    while (this.items.has(this.lastSeq + 1)) this.lastSeq += 1;
    const node = this.render(item);
    node.dataset.seq = String(item.seq);
    const next = [...this.list.children].find((child) => Number(child.dataset.seq) > item.seq);
    this.list.insertBefore(node, next ?? null);
    if (live && item.messageKind === 'PAGE_PUSH' && item.url) this.options.onPagePushed?.(item.url);
    node.scrollIntoView?.({ block: 'nearest' });
    return true;
  }

  clear() {
    this.items.clear();
    this.lastSeq = 0;
    this.list.replaceChildren();
  }

  render(item) {
    if (item.kind === 'NOTICE') {
      const describe = NOTICE_TEXT[item.notice];
      const text = item.text || (describe ? describe(item.name || '') : item.notice);
      return el('li', { className: `item notice notice-${String(item.notice).toLowerCase()}` },
        el('span', { className: 'notice-text' }, text),
        el('time', { className: 'time', datetime: item.at }, formatTime(item.at)));
    }
    const role = String(item.authorRole || '').toLowerCase();
    const mine = this.options.viewerRole && String(item.authorRole).toUpperCase() === this.options.viewerRole;
    return el('li', { className: `item message from-${role}${mine ? ' mine' : ''}` },
      el('span', { className: 'author' }, `${item.authorName || role}:`),
      ' ',
      this.body(item),
      el('time', { className: 'time', datetime: item.at }, formatTime(item.at)));
  }

  body(item) {
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
      ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', className: 'pushed-page' }, `Page: ${url}`)
      : el('span', { className: 'pushed-page' }, `Page: ${url}`);
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
      type: 'button', className: 'phone-icon', 'aria-label': `Call ${number}`, title: `Call ${number}`,
      dataset: { number }, onclick: () => this.options.onCall(number),
    }, '\u260E');
  }
}
