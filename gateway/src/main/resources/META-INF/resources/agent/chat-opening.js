// Opening a chat in the session area: its details (retried while session-service learns of an accepted offer),
// the transcript so far, then the live items; the controls follow the chat's state and the agent's part in it.
// Methods of ChatSession (chat-session.js), mixed into it: `this` is the session.
import { $, show, toast } from '/js/dom.js';
import { ApiError, enc, listOf } from '/js/api.js';
import { label, t } from '/js/i18n.js';

// Right after Accept, session-service learns of the new participant through Kafka: wait for it a little when
// opening a listed chat, longer after Accept (a busy system may take seconds to apply the acceptance, and the owner's
// controls stay disabled until it is read).
const OPEN_ATTEMPTS = 20;
const JOIN_ATTEMPTS = 90;
const OPEN_RETRY_MS = 500;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class ChatOpening {
  /** Opens a chat; `joining`: just accepted, so wait longer for session-service to have applied the acceptance. */
  async open(chatId, { joining = false } = {}) {
    const chat = this.remember({ chatId });
    if (this.currentId !== chatId) this.swapDraft(chatId);
    // A chat marked done stays in view (read-only) only until another one is opened.
    for (const other of [...this.chats.values()]) {
      if (other.state === 'DONE' && other.chatId !== chatId) this.chats.delete(other.chatId);
    }
    this.currentId = chatId;
    chat.unread = 0;
    this.renderList();
    show($('#no-session'), false);
    show($('#session-view'), true);
    $('#agent-timeline').replaceWith(chat.timeline.list);
    chat.timeline.list.id = 'agent-timeline';
    this.showTyping(null);
    this.notify('chat.opening');
    this.selectTab('tab-conversation');
    $('#data-status').textContent = '';
    this.showState();

    chat.detailsStale = false;
    const details = await this.loadDetails(chatId, joining ? JOIN_ATTEMPTS : OPEN_ATTEMPTS);
    if (this.currentId !== chatId) return;
    this.notify(details ? null : 'chat.error.open');
    if (!details) return;
    chat.details = details;
    // An item said this agent joined while the read was on its way: the read may predate the join.
    if (chat.detailsStale) this.reloadDetails(chatId);
    this.remember({ chatId, contactName: details.contact?.name, subject: details.subject, queue: details.queue,
      state: details.state });
    this.takeData(chat, details.data);
    await this.loadTimeline(chat);
    // The participants' receipts as they are now; the socket's resume says them again, then each change.
    chat.timeline.updateReceipts((details.participants || []).map((p) => ({ participantId: p.id, name: p.name,
      role: p.role, deliveredSeq: p.deliveredSeq, readSeq: p.readSeq })));
    if (!chat.following) this.follow(chat);
    if (chat.timeline.viewerPresent) chat.receiptSender.received(chat.timeline.highestSeq);
    this.markRead(chat);
    this.showState();
    this.showContact(details);
    this.loadPhoneNumbers(chatId);
    this.loadWrapUp(chatId);
    this.loadResponses();
    this.loadHistory(details);
    $('#agent-message').focus();
  }

  async loadDetails(chatId, attempts) {
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      try {
        const details = await this.api.get(`/api/chats/${enc(chatId)}`);
        // An offered agent may read the chat before the acceptance is applied (still WAITING, no owner): the
        // controls would stay disabled, so wait until this agent is in it, as for a 403.
        const joined = (details.participants || []).some((p) => p.id === this.user.id && p.present);
        if (joined || attempt === attempts) return details;
        await sleep(OPEN_RETRY_MS);
      } catch (error) {
        const retry = error instanceof ApiError && (error.status === 403 || error.status === 404);
        if (!retry || attempt === attempts) {
          toast(t('chat.error.openDetail', { error: error.message }));
          return null;
        }
        await sleep(OPEN_RETRY_MS);
      }
    }
    return null;
  }

  async loadTimeline(chat) {
    try {
      let page;
      do {
        page = await this.api.get(`/api/chats/${enc(chat.chatId)}/timeline?afterSeq=${chat.timeline.lastSeq}`);
        const items = listOf(page, 'items');
        items.forEach((item) => chat.timeline.add(item));
        if (!items.length) break;
      } while (page.lastSeq > chat.timeline.lastSeq);
    } catch (error) {
      toast(t('chat.error.transcript', { error: error.message }));
    }
  }

  showState() {
    const chat = this.current;
    if (!chat) return;
    $('#session-title').textContent = [chat.contactName || t('desk.contact'), chat.subject].filter(Boolean).join(' — ');
    $('#session-state').textContent = label('chatState', chat.state, '');
    // The current queue (GET /api/chats/{id} follows transfers; read again after one).
    $('#session-queue').textContent = chat.queue ? t('chat.queue', { queue: chat.queue }) : '';
    this.enableControls(chat);
    this.renderData(true);
  }

  /**
   * Until the chat is loaded nothing can be done in it; the owner finishes it, then marks it done; a conference
   * guest leaves; once done, nothing.
   */
  enableControls(chat) {
    const loaded = Boolean(chat.details);
    const done = chat.state === 'DONE';
    const open = loaded && chat.state !== 'ENDED' && !done;
    const owner = loaded && chat.details.ownerAgentId === this.user.id;
    const enabled = {
      '#agent-message': open, '#agent-composer button[type=submit]': open, '#response-send': open,
      '#agent-attach': open,
      '#action-conference': open, '#action-transfer': open && owner, '#action-finish': open && owner,
      '#action-leave': open && !owner, '#action-send-transcript': loaded && !done,
      '#action-done': owner && chat.state === 'ENDED',
      // After Mark Done the chat stays in view read-only until another one is opened.
      '#notes': !done, '#send-transcript-flag': !done, '#disposition': !done,
    };
    for (const [selector, on] of Object.entries(enabled)) $(selector).disabled = !on;
  }
}
