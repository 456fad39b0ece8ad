// "My chats": the chats of the signed-in agent, the frames of the shared socket routed to them, their unsent
// messages, and a chat leaving the list (done, transferred away, conference left).
// Methods of ChatSession (chat-session.js), mixed into it: `this` is the session.
import { $, el, show, toast } from '/js/dom.js';
import { ApiError, enc } from '/js/api.js';
import { Timeline } from '/js/timeline.js';
import { Files } from '/js/files.js';
import { markWhisper } from '/js/whisper.js';
import { ReceiptSender } from '/js/receipt-model.js';
import { countsAsUnread } from './alert-model.js';
import { chatAfter } from './shortcuts.js';
import { label, plural, t } from '/js/i18n.js';

/** The session notices saying unsent messages will go by themselves: cleared once none is waiting to be sent. */
const RETRY_NOTICES = ['common.unavailable', 'chat.rateLimited'];
/** How often a desk that does not own an open chat reads it again while items arrive. */
const OWNER_RECHECK_MS = 2000;

export class MyChats {
  /** Adds a chat to "My chats" (from the list call or an accepted offer). */
  remember(summary) {
    let chat = this.chats.get(summary.chatId);
    if (!chat) {
      const list = el('ol', { className: 'timeline', 'aria-live': 'polite', 'aria-label': t('desk.transcript') });
      chat = { chatId: summary.chatId, unread: 0, state: summary.state, following: false,
        timeline: new Timeline(list, { viewerRole: 'AGENT', viewerId: this.user.id,
          onCall: (number) => this.call(number), onTakeBack: (entry) => this.takeBack(entry), decorate: markWhisper,
          files: new Files(() => this.api.tokenProvider(), () => summary.chatId) }),
        // Receipts of this agent in the chat (docs/api.md): delivered as items arrive, read while it is shown.
        receiptSender: new ReceiptSender((frame) => this.socket.send({ ...frame, chatId: summary.chatId })) };
      this.chats.set(summary.chatId, chat);
    }
    chat.contactName = summary.contactName || summary.contact?.name || chat.contactName;
    chat.subject = summary.subject ?? chat.subject;
    chat.queue = summary.queue ?? chat.queue;
    chat.state = summary.state ?? chat.state;
    // Listed by the service: what it held then was seen before (a reload replays it all on resume).
    if (chat.readSeq === undefined && Number.isInteger(summary.lastSeq)) chat.readSeq = summary.lastSeq;
    this.renderList();
    return chat;
  }

  forget(chatId) {
    if (this.currentId === chatId) this.swapDraft(null, { signal: false });
    this.chats.get(chatId)?.receiptSender.stop();
    this.chats.delete(chatId);
    if (this.currentId === chatId) {
      this.currentId = null;
      show($('#session-view'), false);
      show($('#no-session'), true);
    }
    this.renderList();
  }

  renderList() {
    // A chat marked done is no longer "mine", even while it stays in view.
    const listed = this.listedChats;
    $('#my-chats').replaceChildren(...listed.map((chat) => el('li', {},
      el('button', {
        type: 'button', className: `my-chat${chat.chatId === this.currentId ? ' current' : ''}`,
        'aria-current': chat.chatId === this.currentId ? 'true' : null,
        dataset: { chatId: chat.chatId }, onclick: () => this.open(chat.chatId),
      },
      el('span', { className: 'my-chat-name' }, chat.contactName || t('desk.contact')),
      el('span', { className: 'state-label' }, label('chatState', chat.state, '')),
      chat.unread ? el('span', { className: 'unread', 'aria-label': plural('chat.unread', { count: chat.unread }) },
        String(chat.unread)) : null))));
    this.onListChanged?.();
  }

  /** "My chats" in the order shown (a chat marked done is no longer "mine", even while it stays in view). */
  get listedChats() {
    return [...this.chats.values()].filter((chat) => chat.state !== 'DONE');
  }

  /** Opens the next (1) or previous (-1) chat of the list, going round (keyboard shortcuts). */
  openNext(step) {
    const next = chatAfter(this.listedChats.map((chat) => chat.chatId), this.currentId, step);
    if (next && next !== this.currentId) this.open(next);
  }

  /** The session notice, from a message key (null: nothing), said again after a language switch. */
  notify(key, params) {
    this.noticeKey = key ? { key, params } : null;
    $('#session-notice').textContent = key ? t(key, params) : '';
  }

  /** After a language switch: the list, the open chat's header and panels, every transcript, in the new words. */
  relabel() {
    for (const chat of this.chats.values()) {
      chat.timeline.list.setAttribute('aria-label', t('desk.transcript'));
      chat.timeline.redraw();
    }
    this.renderList();
    if (this.noticeKey) this.notify(this.noticeKey.key, this.noticeKey.params);
    this.showTyping();
    this.renderCall();
    if (!this.current) return;
    this.showState();
    this.renderData();
    if (this.current.details) {
      this.showContact(this.current.details);
      this.loadHistory(this.current.details);
    }
  }

  /** Who is typing in the open chat (null: nobody), said again after a language switch. */
  showTyping(name = this.typingName) {
    this.typingName = name;
    $('#agent-typing').textContent = name === null || name === undefined ? ''
      : t('common.typing', { name: name || t('desk.theContact') });
  }

  /** Unread messages in all my chats (the tab title counts them with the offers). */
  get unreadTotal() {
    let total = 0;
    for (const chat of this.chats.values()) total += chat.state === 'DONE' ? 0 : chat.unread;
    return total;
  }

  /**
   * Asks the socket for the chat's items after the last one shown, then live ones. Only for a chat this agent is
   * known to take part in (listed by the service, or opened after an accepted offer): session-service refuses a
   * resume from anyone else.
   */
  follow(chat) {
    chat.following = true;
    this.socket.send({ type: 'resume', chatId: chat.chatId, afterSeq: chat.timeline.lastSeq });
  }

  /** After a reconnect: ask for what each chat missed while the socket was down. */
  resumeAll() {
    for (const chat of this.chats.values()) {
      if (chat.following) this.follow(chat);
    }
  }

  handleFrame(frame) {
    const chat = this.chats.get(frame.chatId);
    if (!chat) return;
    const isCurrent = chat.chatId === this.currentId;
    switch (frame.type) {
      case 'item':
        this.addItem(chat, frame.item, isCurrent);
        break;
      case 'receipt':
        chat.timeline.updateReceipts([frame]);
        if (frame.participantId === this.user.id) chat.receiptSender.confirmed(frame);
        break;
      case 'receipts':
        // On resume: every participant's receipts as they are, this agent's own the service's whole truth.
        chat.timeline.updateReceipts(frame.receipts || []);
        chat.receiptSender.confirmed((frame.receipts || []).find((r) => r.participantId === this.user.id),
          { exact: true });
        break;
      case 'typing':
        if (isCurrent && frame.participantId !== this.user.id) {
          this.showTyping(frame.typing ? frame.name || '' : null);
        }
        break;
      case 'state':
        this.setState(chat, frame.state);
        break;
      case 'call':
        this.onCallFrame(frame);
        break;
      case 'call-signal':
        this.onCallSignal(frame);
        break;
      default:
        break;
    }
  }

  addItem(chat, item, isCurrent) {
    if (chat.timeline.add(item, { live: true }) && !isCurrent
      && countsAsUnread(item, { userId: this.user.id, readSeq: chat.readSeq })) {
      chat.unread += 1;
      this.renderList();
    }
    if (chat.timeline.viewerPresent) chat.receiptSender.received(chat.timeline.highestSeq);
    this.markRead(chat);
    if (isCurrent && item.kind === 'MESSAGE') this.showTyping(null);
    this.recheckOwner(chat);
    if (item.kind !== 'NOTICE') return;
    if (item.notice === 'ENDED') this.setState(chat, 'ENDED');
    const leftMe = (item.notice === 'LEFT' || item.notice === 'TRANSFERRED') && item.participantId === this.user.id;
    if (leftMe) this.checkStillIn(chat);
    // Transferred: the chat's queue and owner may have changed (a conference guest stays and sees it). This agent
    // joined: what was read while the acceptance was still being applied (no owner yet: attached data read-only)
    // is read again.
    else if (item.notice === 'TRANSFERRED' || (item.notice === 'JOINED' && item.participantId === this.user.id)) {
      // Still being opened: the read on its way may predate this item; open() reads again once it has its answer.
      if (!chat.details) chat.detailsStale = true;
      else this.reloadDetails(chat.chatId);
    }
  }

  /**
   * A chat transferred to this agent may have been read before the transfer was applied (no owner yet: Finish and
   * Transfer disabled, attached data read-only): while items arrive and the desk does not own the chat, it is read
   * again, at most every OWNER_RECHECK_MS (a conference guest, who never owns it, pays one read per interval).
   */
  recheckOwner(chat) {
    if (!chat.details || chat.details.ownerAgentId === this.user.id) return;
    const now = Date.now();
    if (now - (chat.ownerCheckedAt || 0) < OWNER_RECHECK_MS) return;
    chat.ownerCheckedAt = now;
    this.reloadDetails(chat.chatId);
  }

  /** The open chat in a visible, focused window is read up to its last item. */
  markRead(chat = this.current) {
    if (!chat || chat.chatId !== this.currentId || !chat.following || !chat.timeline.viewerPresent
      || document.visibilityState !== 'visible' || !document.hasFocus()) return;
    chat.receiptSender.read(chat.timeline.highestSeq);
  }

  /**
   * A notice says this agent left the chat (transferred away, or left a conference). A resume replays old notices
   * too, so ask the service whether this agent is still in before taking the chat off the list.
   */
  async checkStillIn(chat) {
    let stillIn = false;
    try {
      const details = await this.api.get(`/api/chats/${enc(chat.chatId)}`);
      stillIn = (details.participants || []).some((p) => p.id === this.user.id && p.present);
    } catch (error) {
      stillIn = !(error instanceof ApiError && error.status === 403);
    }
    if (!stillIn && this.chats.has(chat.chatId)) {
      this.forget(chat.chatId);
      toast(t('chat.noLongerYours', { name: chat.contactName || t('desk.theContactLower') }));
    }
  }

  /**
   * The chat's own problems arrive as error frames of the shared socket. A message refused for a while waits in
   * the transcript as pending and goes again by itself; one refused for good shows there as failed, text kept.
   */
  showError(frame) {
    if (frame.code === 'rate-limited' && !frame.clientMessageId) return; // a typing signal: the next one goes
    if (frame.code === 'unavailable' || frame.code === 'rate-limited') {
      this.notify(frame.code === 'unavailable' ? 'common.unavailable' : 'chat.rateLimited');
      return;
    }
    toast(t(frame.clientMessageId ? 'chat.error.notSent' : 'chat.error.refused', { error: frame.message || frame.code }));
  }

  /** The agent's unsent messages of a chat changed: draw them again after its transcript. */
  showUnsent(chatId) {
    const chat = this.chats.get(chatId);
    if (!chat) return;
    chat.timeline.showPending(this.socket.unsent(chatId));
    if (chatId === this.currentId && !this.socket.unsent(chatId).some((e) => e.state === 'retry')
      && RETRY_NOTICES.includes(this.noticeKey?.key)) {
      this.notify(null);
    }
  }

  /** A failed message goes back into the message box (its chat open), to be edited or copied. */
  takeBack(entry) {
    this.socket.discard(entry.clientMessageId);
    const text = entry.frame.text || entry.frame.pageUrl;
    if (text && entry.chatId === this.currentId && !$('#agent-message').disabled) {
      $('#agent-message').value = text;
      $('#insert-page').checked = Boolean(entry.frame.pageUrl);
      $('#agent-message').focus();
    } else if (text && entry.chatId !== this.currentId && this.chats.has(entry.chatId)) {
      // Another chat's message: it becomes that chat's draft, there when the agent opens it.
      this.chats.get(entry.chatId).draft = { text, page: Boolean(entry.frame.pageUrl) };
    }
  }

  setState(chat, state) {
    // Done is final: a late ENDED frame or notice (they travel through Kafka) must not bring the chat back.
    if (chat.state === 'DONE') return;
    chat.state = state;
    if (state === 'DONE') {
      this.retire(chat);
      return;
    }
    this.renderList();
    if (chat.chatId === this.currentId) this.showState();
  }

  /**
   * A chat marked done leaves "My chats". The open one stays in view, read-only (its attached data and wrap-up
   * included), until the agent opens another chat; any other one goes at once.
   */
  retire(chat) {
    if (chat.chatId !== this.currentId) {
      this.forget(chat.chatId);
      return;
    }
    chat.following = false;
    chat.unread = 0;
    this.swapDraft(null, { signal: false });
    this.renderList();
    this.showState();
    this.notify('chat.done');
  }
}
