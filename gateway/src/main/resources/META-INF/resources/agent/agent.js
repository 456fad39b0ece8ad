// The agent desktop: sign in, availability, offers (the chat icon flashes yellow, a tone, a notification, a count in
// the tab title), the list of my chats, and the open chat session (chat-session.js). One WebSocket (/ws/agent)
// carries offers and the items of all my chats.
import { $, el, show, toast } from '/js/dom.js';
import { Api, enc, listOf } from '/js/api.js';
import { ResilientSocket } from '/js/socket.js';
import { SignIn } from '/js/signin.js';
import { renewalDelay, RENEWAL } from '/js/jwt.js';
import { ChatSession } from './chat-session.js';
import { installWhisperBox } from './whisper-box.js';
import { deskTitle, OfferAnnouncements } from './alert-model.js';
import { armSound, notifyOffer, offerNotificationButton, playOfferTone, tonesPlayed } from './alerts.js';
import { label, onLanguageChange, plural, startPageLanguage, t } from '/js/i18n.js';
import { wireShortcuts } from './keyboard.js';
import { exposeForTests } from '/js/web-call.js';

const signIn = new SignIn('switchboard.agent.token', 'agent');
const api = new Api(() => signIn.token, () => signIn.signOut());
const offers = new Map(); // offerId -> offer frame
// requestIds of failed transfers/invitations already shown: a socket that opens again is told of recent ones again.
const failedRequests = new Set();
const OFFER_TICK_MS = 1000;
const MS_PER_SECOND = 1000;
const ACCEPT_KEYS = 'Alt+Shift+A'; // the first offer's Accept, by keyboard (shortcuts.js)
const announcements = new OfferAnnouncements();

let socket;
let session;
let renewalTimer;
let shownState = null; // {state, reason}, said again after a language switch
let connection = null; // [status, detail] of the socket, said again after a language switch

// ---- availability ------------------------------------------------------------------------------------------

function showState(state, reason) {
  shownState = { state, reason };
  const name = label('agentState', state);
  // The reason says why, e.g. "disconnected" when routing set the agent Not Ready while this desktop was away.
  $('#agent-state').textContent = state === 'NOT_READY' && reason
    ? t('agentState.withReason', { state: name, reason: label('agentState.reason', reason) }) : name;
  $('#state-ready').setAttribute('aria-pressed', String(state === 'READY'));
  $('#state-not-ready').setAttribute('aria-pressed', String(state === 'NOT_READY'));
}

async function setState(state) {
  try {
    const me = await api.put('/api/routing/agents/me/state', { state });
    showState(me?.state || state, me?.reason);
  } catch (error) {
    toast(t('desk.error.state', { error: error.message }));
  }
}

async function loadState() {
  try {
    const me = await api.get('/api/routing/agents/me');
    showState(me?.state, me?.reason);
  } catch (error) {
    shownState = null;
    $('#agent-state').textContent = t('desk.stateUnavailable');
  }
}

// ---- offers --------------------------------------------------------------------------------------------------

function renderOffers() {
  const now = Date.now();
  const list = $('#offers');
  list.replaceChildren(...[...offers.values()].map((offer, index) => {
    const secondsLeft = offer.expiresAt
      ? Math.max(0, Math.round((Date.parse(offer.expiresAt) - now) / MS_PER_SECOND)) : null;
    const name = offer.contactName || t('desk.contact');
    const kind = offer.offerKind && offer.offerKind !== 'CHAT' ? label('offer.kind', offer.offerKind) : null;
    return el('li', { className: 'offer', dataset: { offerId: offer.offerId } },
      el('strong', { className: 'offer-contact' }, kind ? t('offer.withKind', { name, kind }) : name),
      el('span', { className: 'offer-meta' }, [offer.queue, offer.subject].filter(Boolean).join(' · ')),
      offer.requestedBy ? el('span', { className: 'offer-meta' }, t('offer.from', { name: offer.requestedBy })) : null,
      secondsLeft !== null ? el('span', { className: 'offer-timer' }, t('duration.seconds', { seconds: secondsLeft }))
        : null,
      el('div', { className: 'offer-buttons' },
        el('button', { type: 'button', className: 'primary', onclick: () => answerOffer(offer, 'accept'),
          'aria-label': t('offer.acceptLabel', { name }), 'aria-keyshortcuts': index === 0 ? ACCEPT_KEYS : null }, t('offer.accept')),
        el('button', { type: 'button', onclick: () => answerOffer(offer, 'reject'),
          'aria-label': t('offer.rejectLabel', { name }) }, t('offer.reject'))));
  }));
  const icon = $('#chat-icon');
  icon.classList.toggle('flashing', offers.size > 0);
  $('#offer-count').textContent = offers.size ? plural('offer.count', { count: offers.size }) : '';
  updateTitle();
}

/** The tab title counts what waits for the agent: offers and unread messages of my chats. */
function updateTitle() {
  const title = deskTitle(t('desk.title'), offers.size + (session?.unreadTotal || 0));
  if (document.title !== title) document.title = title;
}

async function answerOffer(offer, answer) {
  offers.delete(offer.offerId);
  renderOffers();
  try {
    await api.post(`/api/routing/offers/${enc(offer.offerId)}/${answer}`);
    if (answer === 'accept') {
      session.remember({ chatId: offer.chatId, contactName: offer.contactName, subject: offer.subject, queue: offer.queue });
      await session.open(offer.chatId, { joining: true });
    }
  } catch (error) {
    toast(t(answer === 'accept' ? 'offer.error.accept' : 'offer.error.reject', { error: error.message }));
  }
}

// ---- the socket ----------------------------------------------------------------------------------------------

function handleFrame(frame) {
  switch (frame.type) {
    case 'offer': {
      // A reconnect sends open offers again: only the first sight of one rings.
      const isNew = announcements.isNew(frame.offerId) && !offers.has(frame.offerId);
      offers.set(frame.offerId, frame);
      renderOffers();
      if (isNew) {
        playOfferTone();
        notifyOffer(frame);
      }
      break;
    }
    case 'offer-closed':
      if (offers.delete(frame.offerId)) {
        renderOffers();
        const outcome = String(frame.outcome || '');
        toast(t('offer.closed', { outcome: label('offer.outcome', outcome, outcome.toLowerCase().replace(/_/g, ' ')) }));
      }
      break;
    case 'request-failed':
      if (!failedRequests.has(frame.requestId)) {
        failedRequests.add(frame.requestId);
        toast(t('desk.requestFailed', { reason: frame.reason || t('desk.unknownReason') }));
      }
      break;
    case 'error':
      session.showError(frame);
      break;
    default:
      session.handleFrame(frame);
  }
}

function showConnection(status, detail) {
  connection = [status, detail];
  const key = { connecting: 'connection.connecting', reconnecting: 'desk.reconnecting', closed: 'desk.disconnected' }[status];
  $('#desk-connection').textContent = key ? t(key, { seconds: detail }) : '';
}

// ---- unsent messages survive a reload (per tab and user, like the token) ----------------------------------

const unsentKey = (user) => `switchboard.agent.unsent.${user.id}`;

function loadUnsent(user) {
  try {
    return JSON.parse(sessionStorage.getItem(unsentKey(user))) || [];
  } catch {
    return [];
  }
}

function saveUnsent(user) {
  const snapshot = socket.outbox.snapshot();
  if (snapshot.length) sessionStorage.setItem(unsentKey(user), JSON.stringify(snapshot));
  else sessionStorage.removeItem(unsentKey(user));
}

// ---- the token: renewed before it expires, then the socket opens again with it and resumes ----------------------

function scheduleRenewal(delay = renewalDelay(signIn.token)) {
  clearTimeout(renewalTimer);
  if (delay !== null) renewalTimer = setTimeout(renewToken, delay);
}

async function renewToken() {
  if (await signIn.renew()) {
    socket.reconnectNow();
    scheduleRenewal();
  } else if (signIn.token) {
    scheduleRenewal(RENEWAL.retryMs);
  }
}

// ---- start ---------------------------------------------------------------------------------------------------

/** After a language switch: what this page wrote itself, said again (the static text is done by i18n.js). */
function relabel() {
  if (shownState) showState(shownState.state, shownState.reason);
  if (connection) showConnection(...connection);
  renderOffers();
  session?.relabel();
}

async function start() {
  startPageLanguage();
  onLanguageChange(relabel);
  updateTitle();
  const user = await signIn.ensureSignedIn();
  show($('#desk'), true);
  $('#agent-name').textContent = user.name;
  socket = new ResilientSocket('/ws/agent', () => signIn.token, {
    // After a reconnect the state may have changed meanwhile (Not Ready "disconnected" after a long absence).
    onOpen: () => { session.resumeAll(); loadState(); },
    onFrame: handleFrame,
    onStatus: showConnection,
    onOutbox: (chatId) => {
      session?.showUnsent(chatId);
      saveUnsent(user);
    },
    // Closed at the token's expiry: the renewed token, if there is one by now, opens the socket again.
    onTokenExpired: () => signIn.token,
    onFinalClose: (code) => {
      if (code === 4401) signIn.signOut();
    },
  });
  session = new ChatSession(api, socket, user);
  exposeForTests(() => session?.webCallPeer);
  session.onListChanged = updateTitle;
  installWhisperBox(session);
  armSound();
  offerNotificationButton($('#enable-notifications'));
  // What was typed before a reload and not stored yet goes out again (same clientMessageId: applied once).
  socket.outbox.restore(loadUnsent(user));
  scheduleRenewal();
  $('#state-ready').addEventListener('click', () => setState('READY'));
  $('#state-not-ready').addEventListener('click', () => setState('NOT_READY'));
  $('#sign-out').addEventListener('click', () => signIn.signOut());
  $('#chat-icon').addEventListener('click', () => {
    const first = $('#offers button') || $('#my-chats button');
    first?.focus();
  });
  wireShortcuts({
    acceptOffer: () => {
      // The offer that waited longest (the map keeps arrival order).
      const first = offers.values().next().value;
      if (first) answerOffer(first, 'accept');
    },
    nextChat: () => session.openNext(1),
    previousChat: () => session.openNext(-1),
  });
  setInterval(() => offers.size && renderOffers(), OFFER_TICK_MS);
  await loadState();
  try {
    for (const chat of listOf(await api.get('/api/chats?mine=true'))) session.follow(session.remember(chat));
    socket.changed(null); // the restored unsent messages, drawn in their chats
  } catch (error) {
    toast(t('desk.error.chats', { error: error.message }));
  }
}

start();

// For the browser tests and for support: drop the connection as a network failure would.
window.switchboardDesk = { dropConnection: () => socket?.drop(), renewToken: () => renewToken(), tonesPlayed };
