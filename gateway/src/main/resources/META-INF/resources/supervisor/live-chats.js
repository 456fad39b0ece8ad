// The supervisor's live chats (docs/api.md "Supervision"): the chats going on now, each with Monitor; the monitored
// chat's timeline live over /ws/supervisor (silent: the contact sees nothing), a Whisper box (the chat's agents see it,
// the contact never), Barge-in (join openly, announced to everyone) and Leave. Its own section of the page, built
// here, so the page's other sections stay as they are.
import { $, el, newId, show, toast } from '/js/dom.js';
import { formatDuration, label, onLanguageChange, t } from '/js/i18n.js';
import { enc } from '/js/api.js';
import { ResilientSocket } from '/js/socket.js';
import { Timeline } from '/js/timeline.js';
import { Files } from '/js/files.js';
import { markWhisper, whisperFrame } from '/js/whisper.js';

const MAX_LENGTH = 1000;
const MS_PER_SECOND = 1000;

export class LiveChats {
  constructor(api, signIn) {
    this.api = api;
    this.monitored = null; // {chatId, contactName, timeline, joined}
    this.build();
    onLanguageChange(() => {
      if (this.monitored) this.showTitle();
      this.refresh();
    });
    this.socket = new ResilientSocket('/ws/supervisor', () => signIn.token, {
      // Monitoring again after a reconnect is idempotent: it resumes where the timeline stands.
      onOpen: (socket) => this.monitored && socket.send(this.monitorFrame()),
      onFrame: (frame) => this.onFrame(frame),
      onTokenExpired: () => signIn.token,
    });
  }

  build() {
    this.rows = el('tbody', { id: 'live-chat-rows' });
    this.error = el('p', { id: 'live-chats-error', className: 'form-error', role: 'alert' });
    this.title = el('h3', { id: 'monitor-title' });
    this.list = el('ol', { id: 'monitor-timeline', className: 'timeline', 'aria-live': 'polite',
      'aria-label': t('live.monitoredChat'), 'data-i18n-aria-label': 'live.monitoredChat' });
    this.text = el('input', { id: 'supervisor-text', type: 'text', maxlength: MAX_LENGTH,
      'aria-label': t('live.text'), 'data-i18n-aria-label': 'live.text' });
    this.sendButton = el('button', { type: 'button', id: 'supervisor-send', onclick: () => this.sendToEveryone() },
      said('live.sendToEveryone'));
    this.bargeButton = el('button', { type: 'button', id: 'barge-in', onclick: () => this.bargeIn() },
      said('live.bargeIn'));
    this.leaveButton = el('button', { type: 'button', id: 'leave-chat', onclick: () => this.leave() },
      said('live.leave'));
    const whisperForm = el('form', { id: 'whisper-form', className: 'whisper-box' }, this.text,
      el('button', { type: 'submit', className: 'primary' }, said('live.whisper')), this.sendButton);
    whisperForm.addEventListener('submit', (event) => {
      event.preventDefault();
      this.whisper();
    });
    this.panel = el('div', { id: 'monitor-panel', className: 'monitor-panel', hidden: true },
      this.title, this.list, whisperForm,
      el('div', { className: 'monitor-actions' }, this.bargeButton, this.leaveButton,
        el('button', { type: 'button', id: 'stop-monitoring', onclick: () => this.stop() },
          said('live.stopMonitoring'))));
    const section = el('section', { 'aria-labelledby': 'live-chats-title' },
      el('h2', { id: 'live-chats-title' }, said('live.title')), this.error,
      el('table', { className: 'grid' },
        el('thead', {}, el('tr', {}, ...['live.contact', 'live.queue', 'live.state', 'live.agent', 'live.openFor']
          .map((key) => el('th', { scope: 'col' }, said(key))), el('th', { scope: 'col' }))),
        this.rows),
      this.panel);
    $('.board-main').append(section);
  }

  async refresh() {
    try {
      const chats = await this.api.get('/api/supervision/chats');
      const now = Date.now();
      this.rows.replaceChildren(...chats.map((chat) => el('tr', { dataset: { chat: chat.chatId } },
        el('th', { scope: 'row' }, chat.contactName || chat.chatId),
        el('td', {}, chat.queue ?? '—'),
        el('td', {}, label('live.chatState', chat.state)),
        el('td', {}, chat.ownerAgentId ?? '—'),
        el('td', {}, formatDuration(Math.round((now - Date.parse(chat.requestedAt)) / MS_PER_SECOND))),
        el('td', {}, el('button', { type: 'button', className: 'monitor',
          onclick: () => this.monitor(chat) }, this.monitored?.chatId === chat.chatId ? t('live.monitoring') : t('live.monitor'))))));
      this.error.textContent = '';
    } catch (error) {
      this.error.textContent = t('live.unavailable', { error: error.message });
    }
  }

  monitorFrame() {
    return { type: 'monitor', chatId: this.monitored.chatId, afterSeq: this.monitored.timeline.lastSeq };
  }

  monitor(chat) {
    if (this.monitored?.chatId === chat.chatId) return;
    this.stop();
    this.monitored = { chatId: chat.chatId, contactName: chat.contactName, joined: false,
      timeline: new Timeline(this.list, { viewerRole: 'SUPERVISOR', decorate: markWhisper,
        files: new Files(() => this.api.tokenProvider(), () => chat.chatId) }) };
    this.monitored.timeline.clear();
    this.showTitle();
    this.showJoined(false);
    show(this.panel, true);
    this.socket.send(this.monitorFrame());
    this.refresh();
  }

  stop() {
    if (!this.monitored) return;
    this.socket.send({ type: 'unmonitor', chatId: this.monitored.chatId });
    this.monitored = null;
    show(this.panel, false);
    this.refresh();
  }

  onFrame(frame) {
    const chat = this.monitored;
    if (!chat || frame.chatId !== chat.chatId) return;
    if (frame.type === 'item') chat.timeline.add(frame.item, { live: true });
    if (frame.type === 'error') toast(frame.message || frame.code);
  }

  whisper() {
    const text = this.text.value.trim();
    if (!text || !this.monitored) return;
    this.socket.sendMessage(whisperFrame(this.monitored.chatId, newId(), text));
    this.text.value = '';
  }

  sendToEveryone() {
    const text = this.text.value.trim();
    if (!text || !this.monitored?.joined) return;
    this.socket.sendMessage({ type: 'message', chatId: this.monitored.chatId, clientMessageId: newId(), text });
    this.text.value = '';
  }

  async bargeIn() {
    if (!this.monitored) return;
    try {
      await this.api.post(`/api/supervision/chats/${enc(this.monitored.chatId)}/barge-in`);
      this.showJoined(true);
    } catch (error) {
      toast(t('live.bargeInFailed', { error: error.message }));
    }
  }

  async leave() {
    if (!this.monitored) return;
    try {
      await this.api.post(`/api/chats/${enc(this.monitored.chatId)}/leave`);
      this.showJoined(false);
    } catch (error) {
      toast(t('live.leaveFailed', { error: error.message }));
    }
  }

  showTitle() {
    this.title.textContent = t('live.monitoringTitle', { name: this.monitored.contactName || this.monitored.chatId });
  }

  showJoined(joined) {
    if (this.monitored) this.monitored.joined = joined;
    show(this.bargeButton, !joined);
    show(this.leaveButton, joined);
    show(this.sendButton, joined);
  }
}

/** Text in the page's language, marked so that a language switch says it again (js/i18n.js translatePage). */
function said(key) {
  return el('span', { 'data-i18n': key }, t(key));
}
