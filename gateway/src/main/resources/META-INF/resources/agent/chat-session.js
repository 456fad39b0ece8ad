// The chats of the signed-in agent and the one open in the session area: transcript, composer, standard
// responses, contact, notepad, disposition, history, and the actions (conference, transfer, finish, transcript,
// Mark Done with the workflow dialog).
import { $, el, isWebUrl, newId, show, submitOnEnter, toast } from '/js/dom.js';
import { ApiError, enc, listOf } from '/js/api.js';
import { Timeline } from '/js/timeline.js';

const TYPING_IDLE_MS = 3000;
const WRAP_UP_SAVE_DELAY_MS = 700;
const SEARCH_DELAY_MS = 300;
// Right after Accept, session-service learns of the new participant through Kafka: wait for it a little.
const OPEN_ATTEMPTS = 20;
const OPEN_RETRY_MS = 500;
const STATE_LABELS = { WAITING: 'Waiting', ACTIVE: 'Active', ENDED: 'Finished — wrap up', DONE: 'Done' };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class ChatSession {
  constructor(api, socket, user) {
    this.api = api;
    this.socket = socket;
    this.user = user;
    this.chats = new Map(); // chatId -> {chatId, contactName, subject, queue, state, unread, timeline, details}
    this.currentId = null;
    this.typingSent = false;
    this.wire();
  }

  get current() {
    return this.chats.get(this.currentId);
  }

  // ---- the list of my chats ----------------------------------------------------------------------------------

  /** Adds a chat to "My chats" (from the list call or an accepted offer). */
  remember(summary) {
    let chat = this.chats.get(summary.chatId);
    if (!chat) {
      const list = el('ol', { className: 'timeline', 'aria-live': 'polite', 'aria-label': 'Transcript' });
      chat = { chatId: summary.chatId, unread: 0, state: summary.state, following: false,
        timeline: new Timeline(list, { viewerRole: 'AGENT', onCall: (number) => this.call(number),
          onTakeBack: (entry) => this.takeBack(entry) }) };
      this.chats.set(summary.chatId, chat);
    }
    chat.contactName = summary.contactName || summary.contact?.name || chat.contactName;
    chat.subject = summary.subject ?? chat.subject;
    chat.queue = summary.queue ?? chat.queue;
    chat.state = summary.state ?? chat.state;
    this.renderList();
    return chat;
  }

  forget(chatId) {
    this.chats.delete(chatId);
    if (this.currentId === chatId) {
      this.currentId = null;
      show($('#session-view'), false);
      show($('#no-session'), true);
    }
    this.renderList();
  }

  renderList() {
    $('#my-chats').replaceChildren(...[...this.chats.values()].map((chat) => el('li', {},
      el('button', {
        type: 'button', className: `my-chat${chat.chatId === this.currentId ? ' current' : ''}`,
        'aria-current': chat.chatId === this.currentId ? 'true' : null,
        dataset: { chatId: chat.chatId }, onclick: () => this.open(chat.chatId),
      },
      el('span', { className: 'my-chat-name' }, chat.contactName || 'Contact'),
      el('span', { className: 'state-label' }, STATE_LABELS[chat.state] || ''),
      chat.unread ? el('span', { className: 'unread', 'aria-label': `${chat.unread} new` }, String(chat.unread)) : null))));
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
      case 'typing':
        if (isCurrent && frame.participantId !== this.user.id) {
          $('#agent-typing').textContent = frame.typing ? `${frame.name || 'The contact'} is typing…` : '';
        }
        break;
      case 'state':
        this.setState(chat, frame.state);
        break;
      default:
        break;
    }
  }

  addItem(chat, item, isCurrent) {
    if (chat.timeline.add(item, { live: true }) && !isCurrent) {
      chat.unread += 1;
      this.renderList();
    }
    if (isCurrent && item.kind === 'MESSAGE') $('#agent-typing').textContent = '';
    if (item.kind !== 'NOTICE') return;
    if (item.notice === 'ENDED') this.setState(chat, 'ENDED');
    const leftMe = (item.notice === 'LEFT' || item.notice === 'TRANSFERRED') && item.participantId === this.user.id;
    if (leftMe) this.checkStillIn(chat);
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
      toast(`The chat with ${chat.contactName || 'the contact'} is no longer yours.`);
    }
  }

  /**
   * The chat's own problems arrive as error frames of the shared socket. A message refused for a while waits in
   * the transcript as pending and goes again by itself; one refused for good shows there as failed, text kept.
   */
  showError(frame) {
    if (frame.code === 'unavailable' || frame.code === 'rate-limited') {
      $('#session-notice').textContent = frame.code === 'unavailable'
        ? 'The chat service is unavailable for a moment — your messages will be sent when it is back.'
        : 'Sending too fast — your messages will follow in a moment.';
      return;
    }
    const what = frame.clientMessageId ? 'Your message was not sent' : 'The chat refused a request';
    toast(`${what}: ${frame.message || frame.code}`);
  }

  /** The agent's unsent messages of a chat changed: draw them again after its transcript. */
  showUnsent(chatId) {
    const chat = this.chats.get(chatId);
    if (!chat) return;
    chat.timeline.showPending(this.socket.unsent(chatId));
    if (chatId === this.currentId && !this.socket.unsent(chatId).some((e) => e.state === 'retry')
      && /will (be sent|follow)/.test($('#session-notice').textContent)) {
      $('#session-notice').textContent = '';
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
    }
  }

  setState(chat, state) {
    chat.state = state;
    if (state === 'DONE') {
      this.forget(chat.chatId);
      return;
    }
    this.renderList();
    if (chat.chatId === this.currentId) this.showState();
  }

  // ---- opening a chat ----------------------------------------------------------------------------------------

  async open(chatId) {
    const chat = this.remember({ chatId });
    this.currentId = chatId;
    chat.unread = 0;
    this.renderList();
    show($('#no-session'), false);
    show($('#session-view'), true);
    $('#agent-timeline').replaceWith(chat.timeline.list);
    chat.timeline.list.id = 'agent-timeline';
    $('#agent-typing').textContent = '';
    $('#session-notice').textContent = 'Opening…';
    this.selectTab('tab-conversation');
    this.showState();

    const details = await this.loadDetails(chatId);
    if (this.currentId !== chatId) return;
    $('#session-notice').textContent = details ? '' : 'This chat could not be opened.';
    if (!details) return;
    chat.details = details;
    this.remember({ chatId, contactName: details.contact?.name, subject: details.subject, queue: details.queue,
      state: details.state });
    await this.loadTimeline(chat);
    if (!chat.following) this.follow(chat);
    this.showState();
    this.showContact(details);
    this.loadPhoneNumbers(chatId);
    this.loadWrapUp(chatId);
    this.loadResponses();
    this.loadHistory(details);
    $('#agent-message').focus();
  }

  async loadDetails(chatId) {
    for (let attempt = 1; attempt <= OPEN_ATTEMPTS; attempt += 1) {
      try {
        return await this.api.get(`/api/chats/${enc(chatId)}`);
      } catch (error) {
        const retry = error instanceof ApiError && (error.status === 403 || error.status === 404);
        if (!retry || attempt === OPEN_ATTEMPTS) {
          toast(`Could not open the chat: ${error.message}`);
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
      toast(`Could not load the transcript: ${error.message}`);
    }
  }

  showState() {
    const chat = this.current;
    if (!chat) return;
    $('#session-title').textContent = [chat.contactName || 'Contact', chat.subject].filter(Boolean).join(' — ');
    $('#session-state').textContent = [STATE_LABELS[chat.state], chat.queue].filter(Boolean).join(' · ');
    this.enableControls(chat);
  }

  /**
   * Until the chat is loaded nothing can be done in it; the owner finishes it, then marks it done; a conference
   * guest leaves.
   */
  enableControls(chat) {
    const loaded = Boolean(chat.details);
    const open = loaded && chat.state !== 'ENDED' && chat.state !== 'DONE';
    const owner = loaded && chat.details.ownerAgentId === this.user.id;
    const enabled = {
      '#agent-message': open, '#agent-composer button[type=submit]': open, '#response-send': open,
      '#action-conference': open, '#action-transfer': open && owner, '#action-finish': open && owner,
      '#action-leave': open && !owner, '#action-send-transcript': loaded,
      '#action-done': owner && chat.state === 'ENDED',
    };
    for (const [selector, on] of Object.entries(enabled)) $(selector).disabled = !on;
  }

  // ---- contact, phone calls ----------------------------------------------------------------------------------

  showContact(details) {
    const contact = details.contact || {};
    const rows = [['Name', contact.name], ['E-mail', contact.email],
      ['Phone', (contact.phoneNumbers || []).join(', ')], ['Queue', details.queue], ['Subject', details.subject],
      ['Language', details.language]];
    $('#contact-details').replaceChildren(...rows.filter(([, v]) => v)
      .flatMap(([label, value]) => [el('dt', {}, label), el('dd', {}, value)]));
  }

  async loadPhoneNumbers(chatId) {
    const select = $('#call-number');
    try {
      const numbers = listOf(await this.api.get(`/api/chats/${enc(chatId)}/phone-numbers`), 'numbers');
      select.replaceChildren(...numbers.map((n) => el('option', { value: n }, n)));
      $('#make-call').disabled = numbers.length === 0;
    } catch (error) {
      select.replaceChildren();
      $('#make-call').disabled = true;
    }
  }

  async call(number) {
    if (!this.currentId || !number) return;
    try {
      await this.api.post(`/api/chats/${enc(this.currentId)}/calls`, { phoneNumber: number });
      toast(`Calling ${number}…`);
    } catch (error) {
      toast(`Could not place the call: ${error.message}`);
    }
  }

  // ---- messages ----------------------------------------------------------------------------------------------

  sendFrame(fields) {
    this.socket.sendMessage({ type: 'message', chatId: this.currentId, clientMessageId: newId(), ...fields });
  }

  sendComposed(event) {
    event.preventDefault();
    const input = $('#agent-message');
    const value = input.value.trim();
    if (!value || !this.currentId) return;
    if ($('#insert-page').checked) {
      if (!isWebUrl(value)) {
        toast('A web page must be an http:// or https:// address.');
        return;
      }
      this.sendFrame({ pageUrl: value });
      $('#insert-page').checked = false;
    } else {
      this.sendFrame({ text: value });
    }
    input.value = '';
    this.stopTyping();
  }

  sendResponse() {
    const id = $('#response-picker').value;
    if (!id || !this.currentId) return;
    this.sendFrame({ standardResponseId: id });
  }

  async loadResponses() {
    const language = this.current?.details?.language || '';
    const q = $('#response-search').value.trim();
    try {
      const responses = listOf(await this.api.get(
        `/api/standard-responses?q=${enc(q)}&language=${enc(language)}`), 'items', 'responses');
      $('#response-picker').replaceChildren(el('option', { value: '' }, 'Choose a response…'),
        ...responses.map((r) => el('option', { value: r.id },
          [r.category, r.title].filter(Boolean).join(' — '))));
    } catch (error) {
      toast(`Standard responses unavailable: ${error.message}`);
    }
  }

  onTyping() {
    if (!this.currentId) return;
    if (!this.typingSent) {
      this.typingSent = this.socket.send({ type: 'typing', chatId: this.currentId, typing: true });
    }
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  stopTyping() {
    clearTimeout(this.typingTimer);
    if (this.typingSent && this.currentId) this.socket.send({ type: 'typing', chatId: this.currentId, typing: false });
    this.typingSent = false;
  }

  // ---- wrap-up: notes, transcript flag, disposition ----------------------------------------------------------

  async loadWrapUp(chatId) {
    if (!this.dispositions) {
      try {
        this.dispositions = await this.api.get('/api/disposition-codes');
      } catch (error) {
        this.dispositions = { required: false, codes: [] };
      }
      $('#disposition').replaceChildren(el('option', { value: '' }, 'Choose…'),
        ...listOf(this.dispositions, 'codes').map((c) => el('option', { value: c.code }, c.label || c.code)));
    }
    let wrapUp = {};
    try {
      wrapUp = (await this.api.get(`/api/chats/${enc(chatId)}/wrap-up`)) || {};
    } catch (error) {
      // A chat with no wrap-up yet starts empty.
    }
    if (this.currentId !== chatId) return;
    $('#notes').value = wrapUp.notes || '';
    $('#send-transcript-flag').checked = Boolean(wrapUp.sendTranscript);
    $('#disposition').value = wrapUp.dispositionCode || '';
    $('#wrap-up-status').textContent = '';
  }

  wrapUpValues() {
    return {
      notes: $('#notes').value,
      sendTranscript: $('#send-transcript-flag').checked,
      dispositionCode: $('#disposition').value || null,
    };
  }

  scheduleWrapUpSave() {
    clearTimeout(this.wrapUpTimer);
    $('#wrap-up-status').textContent = 'Unsaved changes';
    this.wrapUpTimer = setTimeout(() => this.saveWrapUp(), WRAP_UP_SAVE_DELAY_MS);
  }

  async saveWrapUp() {
    clearTimeout(this.wrapUpTimer);
    if (!this.currentId) return false;
    try {
      await this.api.put(`/api/chats/${enc(this.currentId)}/wrap-up`, this.wrapUpValues());
      $('#wrap-up-status').textContent = 'Saved';
      return true;
    } catch (error) {
      $('#wrap-up-status').textContent = `Not saved: ${error.message}`;
      toast(`Could not save the wrap-up: ${error.message}`);
      return false;
    }
  }

  // ---- history -----------------------------------------------------------------------------------------------

  async loadHistory(details) {
    const list = $('#contact-history');
    if (!details.contactId) {
      list.replaceChildren(el('li', { className: 'empty' }, 'Contact history is unavailable.'));
      return;
    }
    try {
      const page = await this.api.get(`/api/history/contacts/${enc(details.contactId)}/interactions`);
      const interactions = listOf(page, 'items');
      list.replaceChildren(...(interactions.length ? interactions.map((i) => this.historyEntry(i, details.chatId))
        : [el('li', { className: 'empty' }, 'No earlier interactions.')]));
    } catch (error) {
      list.replaceChildren(el('li', { className: 'empty' }, 'Contact history is unavailable.'));
    }
  }

  /** One interaction: when, queue, state, agents, disposition; the open chat is marked "this chat". */
  historyEntry(interaction, currentChatId) {
    const requestedAt = interaction.timings?.requestedAt;
    const when = requestedAt ? new Date(requestedAt).toLocaleString() : '';
    const facts = [interaction.queue, STATE_LABELS[interaction.state] || interaction.state,
      (interaction.agents || []).join(', '), interaction.dispositionCode,
      interaction.chatId === currentChatId ? 'this chat' : null];
    return el('li', {}, el('strong', {}, when), ' ', facts.filter(Boolean).join(' · '));
  }

  // ---- actions -----------------------------------------------------------------------------------------------

  askTarget(kind) {
    const dialog = $('#target-dialog');
    $('#target-title').textContent = kind === 'transfer' ? 'Transfer the chat' : 'Invite to a conference';
    $('#target-id').value = '';
    this.loadTargetOptions();
    dialog.returnValue = '';
    dialog.onclose = async () => {
      if (dialog.returnValue !== 'ok') return;
      const body = { targetType: $('#target-type').value, targetId: $('#target-id').value.trim() };
      try {
        await this.api.post(`/api/chats/${enc(this.currentId)}/${kind}`, body);
        toast(kind === 'transfer' ? `Transfer to ${body.targetId} requested` : `${body.targetId} invited`);
      } catch (error) {
        toast(`Could not ${kind}: ${error.message}`);
      }
    };
    dialog.showModal();
  }

  async loadTargetOptions() {
    const type = $('#target-type').value;
    let options = [];
    try {
      if (type === 'QUEUE') {
        options = listOf(await this.api.get('/api/routing/queues'), 'queues').map((q) => [q.name, q.name]);
      } else {
        options = listOf(await this.api.get('/api/routing/agents'), 'agents')
          .filter((a) => a.id !== this.user.id && (type === 'AGENT' || String(a.role).toLowerCase() === 'supervisor'))
          .map((a) => [a.id, a.name]);
      }
    } catch (error) {
      // Agents may not list their colleagues; the name can still be typed.
    }
    $('#target-options').replaceChildren(...options.map(([value, label]) => el('option', { value }, label)));
  }

  async finish() {
    try {
      await this.api.post(`/api/chats/${enc(this.currentId)}/finish`);
      this.setState(this.current, 'ENDED');
      // On to the wrap-up, unless the agent has already gone to another tab meanwhile.
      if ($('#tab-conversation').getAttribute('aria-selected') === 'true') this.selectTab('tab-notepad');
    } catch (error) {
      toast(`Could not finish the chat: ${error.message}`);
    }
  }

  /** A conference participant leaves; the chat goes on with the others. */
  async leave() {
    const chatId = this.currentId;
    try {
      await this.api.post(`/api/chats/${enc(chatId)}/leave`);
      this.forget(chatId);
      toast('You left the conference');
    } catch (error) {
      toast(`Could not leave: ${error.message}`);
    }
  }

  async sendTranscript() {
    try {
      await this.api.post(`/api/chats/${enc(this.currentId)}/transcript`);
      toast('Transcript sent to the contact');
    } catch (error) {
      toast(`Could not send the transcript: ${error.message}`);
    }
  }

  async markDone() {
    const chatId = this.currentId;
    if (!chatId || !(await this.saveWrapUp())) return;
    if (this.dispositions?.required && !$('#disposition').value) {
      toast('Choose a disposition code first.');
      this.selectTab('tab-disposition');
      $('#disposition').focus();
      return;
    }
    let options = { applies: false, queues: [] };
    try {
      options = await this.api.get(`/api/chats/${enc(chatId)}/workflow-options`);
    } catch (error) {
      toast(`Workflow options unavailable: ${error.message}`);
    }
    const queues = listOf(options, 'queues');
    if (options?.applies && queues.length) {
      this.askWorkflow(chatId, queues);
    } else {
      await this.done(chatId, {});
    }
  }

  askWorkflow(chatId, queues) {
    const dialog = $('#workflow-dialog');
    $('#workflow-queues').replaceChildren(...queues.map((q, i) => el('label', { className: 'radio' },
      el('input', { type: 'radio', name: 'workflow-queue', value: q.name, checked: i === 0 }),
      ` ${q.name}`, q.description ? el('span', { className: 'hint' }, ` — ${q.description}`) : null)));
    dialog.returnValue = '';
    dialog.onclose = () => {
      if (dialog.returnValue === 'ok') {
        const chosen = dialog.querySelector('input[name=workflow-queue]:checked')?.value;
        this.done(chatId, { workflowDecision: 'PARK', workflowQueue: chosen });
      } else if (dialog.returnValue === 'stop') {
        this.done(chatId, { workflowDecision: 'STOP' });
      } // Cancel: back to editing the wrap-up.
    };
    dialog.showModal();
  }

  async done(chatId, decision) {
    try {
      await this.api.post(`/api/chats/${enc(chatId)}/done`, decision);
      toast('Chat marked as done');
      this.forget(chatId);
    } catch (error) {
      toast(`Could not mark the chat as done: ${error.message}`);
    }
  }

  // ---- tabs (WAI-ARIA tabs: arrows move between tabs) and wiring ---------------------------------------------

  selectTab(tabId) {
    for (const tab of document.querySelectorAll('[role=tab]')) {
      const selected = tab.id === tabId;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      show(document.getElementById(tab.getAttribute('aria-controls')), selected);
    }
    // The history grows while the agent works (history-service follows the events): fresh on every look.
    if (tabId === 'tab-history' && this.current?.details) this.loadHistory(this.current.details);
  }

  wire() {
    const tabs = [...document.querySelectorAll('[role=tab]')];
    tabs.forEach((tab, index) => {
      tab.addEventListener('click', () => this.selectTab(tab.id));
      tab.addEventListener('keydown', (event) => {
        const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
        if (!step) return;
        const next = tabs[(index + step + tabs.length) % tabs.length];
        this.selectTab(next.id);
        next.focus();
      });
    });
    const composer = $('#agent-composer');
    composer.addEventListener('submit', (event) => this.sendComposed(event));
    submitOnEnter($('#agent-message'), composer);
    $('#agent-message').addEventListener('input', () => this.onTyping());
    $('#response-send').addEventListener('click', () => this.sendResponse());
    let searchTimer;
    $('#response-search').addEventListener('input', () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => this.loadResponses(), SEARCH_DELAY_MS);
    });
    $('#make-call').addEventListener('click', () => this.call($('#call-number').value));
    $('#notes').addEventListener('input', () => this.scheduleWrapUpSave());
    $('#send-transcript-flag').addEventListener('change', () => this.saveWrapUp());
    $('#disposition').addEventListener('change', () => this.saveWrapUp());
    $('#target-type').addEventListener('change', () => this.loadTargetOptions());
    $('#action-conference').addEventListener('click', () => this.askTarget('conference'));
    $('#action-transfer').addEventListener('click', () => this.askTarget('transfer'));
    $('#action-finish').addEventListener('click', () => this.finish());
    $('#action-leave').addEventListener('click', () => this.leave());
    $('#action-send-transcript').addEventListener('click', () => this.sendTranscript());
    $('#action-done').addEventListener('click', () => this.markDone());
  }
}


