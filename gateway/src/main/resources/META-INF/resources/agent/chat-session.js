// The chats of the signed-in agent and the one open in the session area. ChatSession holds the state and the wiring;
// each section of its behaviour is a module of its own, whose methods are mixed into it:
// my-chats.js (the list, frames, unsent messages), chat-opening.js, contact-calls.js, composer.js, wrap-up.js,
// history.js, chat-actions.js (conference, transfer, finish, transcript, Mark Done with the workflow dialog),
// attached-data.js (the Attached data tab), web-call-panel.js (Call in browser and its call bar).
import { $, show, submitOnEnter } from '/js/dom.js';
import { MyChats } from './my-chats.js';
import { ChatOpening } from './chat-opening.js';
import { ContactCalls } from './contact-calls.js';
import { Composer } from './composer.js';
import { WrapUp } from './wrap-up.js';
import { History } from './history.js';
import { ChatActions } from './chat-actions.js';
import { AttachedDataPanel } from './attached-data.js';
import { WebCallPanel } from './web-call-panel.js';

const SEARCH_DELAY_MS = 300;

export class ChatSession {
  constructor(api, socket, user) {
    this.api = api;
    this.socket = socket;
    this.user = user;
    // chatId -> {chatId, contactName, subject, queue, state, unread, timeline, details, draft, dataEdit}
    this.chats = new Map();
    this.currentId = null;
    this.typingSent = false;
    this.wire();
  }

  get current() {
    return this.chats.get(this.currentId);
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
    // No frame says the data changed (an integration, a supervisor): read it again on every look too.
    if (tabId === 'tab-data' && this.current?.details) this.reloadDetails(this.currentId);
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
    $('#agent-attach').addEventListener('click', () => $('#agent-file').click());
    $('#agent-file').addEventListener('change', () => this.sendFile());
    let searchTimer;
    $('#response-search').addEventListener('input', () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => this.loadResponses(), SEARCH_DELAY_MS);
    });
    $('#make-call').addEventListener('click', () => this.call($('#call-number').value));
    $('#web-call').addEventListener('click', () => this.startWebCall());
    $('#call-mute').addEventListener('click', () => this.toggleMute());
    $('#call-hold').addEventListener('click', () => this.toggleHold());
    $('#call-hangup').addEventListener('click', () => this.hangUpCall());
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
    $('#data-form').addEventListener('submit', (event) => this.saveData(event));
    $('#data-add').addEventListener('click', () => this.addDataRow());
    // Coming back to the desk (another tab, another window) reads the open chat.
    document.addEventListener('visibilitychange', () => this.markRead());
    window.addEventListener('focus', () => this.markRead());
  }
}

/** Copies the methods of each section's class onto ChatSession (getters and all), as if written in it. */
for (const section of [MyChats, ChatOpening, ContactCalls, Composer, WrapUp, History, ChatActions, AttachedDataPanel,
  WebCallPanel]) {
  for (const name of Object.getOwnPropertyNames(section.prototype)) {
    if (name === 'constructor') continue;
    if (Object.prototype.hasOwnProperty.call(ChatSession.prototype, name)) {
      throw new Error(`ChatSession.${name} is defined twice`);
    }
    Object.defineProperty(ChatSession.prototype, name, Object.getOwnPropertyDescriptor(section.prototype, name));
  }
}
