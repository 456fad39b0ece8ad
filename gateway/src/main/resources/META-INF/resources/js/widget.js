// The contact chat widget on the company page: request a chat, then talk to the agent over a WebSocket that
// resumes by itself. chatId, token, the last seq and the messages not stored yet live in sessionStorage, so a
// reload picks the chat up again. The contact token is renewed before it expires (sockets close with 4401 then).
import { $, isWebUrl, newId, openPage, show, submitOnEnter } from './dom.js';
import { Api, ApiError, enc } from './api.js';
import { ResilientSocket } from './socket.js';
import { Timeline } from './timeline.js';
import { isLive, renewalDelay, RENEWAL } from './jwt.js';
import { attachedFields, controlForField } from './attach-fields.js';
import { language, onLanguageChange, setLanguage, startPageLanguage, t } from './i18n.js';
import { closedText } from './opening.js';
import { MessageMode } from './message-form.js';
import { ContactCall } from './contact-call.js';
import { ReceiptSender } from './receipt-model.js';
import { Files } from './files.js';
import { refusalKey } from './file-model.js';

const STORAGE_KEY = 'switchboard.contact.chat';
const TYPING_IDLE_MS = 3000;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_NAME = 120;
const SECONDS_PER_MINUTE = 60;
const CLOSE_REASONS = { 4401: 'widget.closed.expired', 4403: 'widget.closed.expired', 4404: 'widget.closed.gone' };

const ui = {
  launcher: $('#chat-launcher'),
  widget: $('#chat-widget'),
  minimize: $('#widget-minimize'),
  form: $('#chat-request'),
  formError: $('#request-error'),
  conversation: $('#conversation'),
  connection: $('#connection-status'),
  queue: $('#queue-status'),
  timeline: $('#contact-timeline'),
  typing: $('#contact-typing'),
  composer: $('#contact-composer'),
  message: $('#contact-message'),
  attach: $('#contact-attach'),
  file: $('#contact-file'),
  leave: $('#contact-leave'),
  leaveMessage: $('#contact-leave-message'),
  newChat: $('#contact-new-chat'),
  survey: $('#contact-survey'),
  surveyComment: $('#survey-comment'),
  surveyError: $('#survey-error'),
  surveyThanks: $('#survey-thanks'),
  language: $('#contact-language'),
};

let chat = loadChat(); // {chatId, contactToken, lastSeq, ended, unsent, surveyDone, contact, answered, leftByMe}
let socket = null;
let typingTimer = null;
let typingSent = false;
let renewalTimer = null;
let surveyAsked = null; // the chat whose survey was looked up (asked once per chat and page)
// What the status lines say, kept as keys and parameters so that a language switch can say it again.
let connectionText = null; // {key, params}
let queueFrame = null;
let typingName = null;
let formErrors = []; // the form's own mistakes, as message keys
const api = new Api(() => chat?.contactToken);
const messageMode = new MessageMode(api, backToChatForm);
const contactCall = new ContactCall({ api, send: (frame) => socket?.send(frame), chatId: () => chat?.chatId });
const files = new Files(() => chat?.contactToken, () => chat?.chatId);
const timeline = new Timeline(ui.timeline, {
  viewerRole: 'CONTACT', onPagePushed: (url) => openPage(url), onTakeBack: takeBack, files,
});
// Receipts (docs/api.md): delivered as items arrive on the socket, read while the open widget shows them.
let receipts = null;

function loadChat() {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE_KEY)) || null;
  } catch {
    return null;
  }
}

function saveChat() {
  if (chat) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(chat));
  else sessionStorage.removeItem(STORAGE_KEY);
}

function openWidget(open) {
  show(ui.widget, open);
  if (open) markRead();
  ui.launcher.setAttribute('aria-expanded', String(open));
  if (open) (chat ? ui.message : $('#contact-name')).focus();
  else ui.launcher.focus();
}

// ---- the request form --------------------------------------------------------------------------------------

/** The form's mistakes: [field, message key] pairs. */
function validate(values) {
  const errors = [];
  if (!values.name) errors.push(['name', 'widget.error.name']);
  if (values.name.length > MAX_NAME) errors.push(['name', 'widget.error.nameTooLong']);
  if (!EMAIL_PATTERN.test(values.email)) errors.push(['email', 'widget.error.email']);
  if (values.phone && !/^\+?[\d\s().-]{6,}$/.test(values.phone)) errors.push(['phone', 'widget.error.phone']);
  return errors;
}

/** The form's submit: a chat, or in message mode a message left. */
async function submitForm(event) {
  event.preventDefault();
  const values = formValues();
  const errors = validate(values).concat(messageMode.on ? messageMode.errors().map((key) => ['text', key]) : []);
  formErrors = errors.map(([, key]) => key);
  ui.formError.textContent = formErrors.map((key) => t(key)).join(' ');
  for (const field of ['name', 'email', 'phone']) {
    ui.form.elements[field].setAttribute('aria-invalid', String(errors.some(([invalid]) => invalid === field)));
  }
  if (errors.length) return;
  const submit = ui.form.querySelector('button[type=submit]');
  submit.disabled = true;
  // The page's own fields marked data-attach (an order number...) go as the chat's attached data.
  const controls = [...ui.form.elements];
  controls.forEach((control) => control.dataset.attach !== undefined && control.removeAttribute('aria-invalid'));
  const attached = attachedFields(controls);
  try {
    if (messageMode.on) {
      await messageMode.send(requestTarget(values, attached));
      show(ui.form, false);
      messageMode.showThanks(true);
    } else {
      await requestChat(values, attached);
    }
  } catch (error) {
    if (isQueueClosed(error)) {
      showClosed({ queue: values.queue, opensAt: error.problem.opensAt });
      return;
    }
    const violations = error instanceof ApiError ? error.problem?.violations : null;
    // A refused attached field is named by its label, and marked.
    const named = (v) => {
      const control = controlForField(controls, v.field);
      control?.setAttribute('aria-invalid', 'true');
      const label = control?.labels?.[0]?.firstChild?.textContent?.trim();
      return t('common.fieldError', { field: label || v.field, message: v.message });
    };
    ui.formError.textContent = violations?.length
      ? violations.map(named).join(' ')
      : t(messageMode.on ? 'widget.error.message' : 'widget.error.start', { error: error.message });
  } finally {
    submit.disabled = false;
  }
}

async function requestChat(values, attached) {
  const created = await api.post('/api/chats', {
    name: values.name,
    email: values.email,
    phoneNumbers: values.phone ? [values.phone] : [],
    queue: values.queue,
    subject: values.subject || undefined,
    language: language(),
    data: Object.keys(attached).length ? attached : undefined,
  });
  chat = { chatId: created.chatId, contactToken: created.contactToken, lastSeq: 0, ended: false,
    contact: requestTarget(values, attached) };
  saveChat();
  startConversation();
}

// ---- business hours and "leave us a message" -------------------------------------------------------------------

const isQueueClosed = (error) => error instanceof ApiError && error.status === 409
  && Boolean(error.problem?.type?.endsWith('/queue-closed'));

/** Asks routing whether the chosen queue is open now (no token needed); unknown: the chat request will tell. */
async function checkOpening() {
  const queue = ui.form.elements.queue.value;
  try {
    const at = await api.get(`/api/routing/queues/${enc(queue)}/availability`);
    if (ui.form.elements.queue.value === queue) showClosed(at.open ? null : { queue, opensAt: at.opensAt });
  } catch {
    if (ui.form.elements.queue.value === queue) showClosed(null);
  }
}

/**
 * A closed queue: the form in message mode, saying when the queue opens again (in the contact's time); open again
 * (another subject chosen), back to a chat.
 */
function showClosed(closed) {
  if (closed) {
    messageMode.enter(`${closedText(closed.opensAt)} ${t('widget.messageOffer')}`, true);
  } else if (messageMode.closed) {
    messageMode.leave();
  }
}

/** From the thanks: the chat form again, checked again. */
function backToChatForm() {
  messageMode.showThanks(false);
  messageMode.leave();
  show(ui.form, true);
  checkOpening();
}

function formValues() {
  return Object.fromEntries([...new FormData(ui.form).entries()].map(([k, v]) => [k, String(v).trim()]));
}

/** What a message left goes with: the contact and the subject (queue) of the chat form, its attached fields. */
function requestTarget(values, attached) {
  return { name: values.name, email: values.email, queue: values.queue, language: language(),
    data: Object.keys(attached).length ? attached : undefined };
}

// ---- the conversation ----------------------------------------------------------------------------------------

function startConversation() {
  show(ui.form, false);
  show(ui.conversation, true);
  setEnded(chat.ended);
  queueFrame = null;
  timeline.clear();
  contactCall.reset();
  socket?.close();
  receipts?.stop();
  timeline.options.viewerId = `contact:${chat.chatId}`;
  receipts = new ReceiptSender((frame) => socket?.send(frame) ?? false);
  socket = new ResilientSocket(`/ws/contact/${encodeURIComponent(chat.chatId)}`, () => chat.contactToken, {
    onOpen: (s) => s.send({ type: 'resume', afterSeq: timeline.lastSeq }),
    onFrame: handleFrame,
    onStatus: showConnection,
    onOutbox: showUnsent,
    onTokenExpired: () => (isLive(chat?.contactToken) ? chat.contactToken : null),
    onFinalClose: (code) => {
      say({ key: CLOSE_REASONS[code] || 'widget.closed' });
      clearTimeout(renewalTimer);
      setEnded(true);
    },
  });
  // What was typed before a reload and not stored yet goes out again (same clientMessageId: applied once).
  socket.outbox.restore(chat.unsent);
  socket.changed(null);
  scheduleRenewal();
  ui.message.focus();
}

/** The contact's messages not stored yet (pending) or refused for good (failed), after the timeline. */
function showUnsent() {
  if (!chat || !socket) return;
  const entries = socket.unsent();
  timeline.showPending(entries);
  chat.unsent = socket.outbox.snapshot();
  saveChat();
}

/** A failed message goes back into the message box, to be edited or copied. */
function takeBack(entry) {
  socket?.discard(entry.clientMessageId);
  if (entry.frame.text && !ui.message.disabled) {
    ui.message.value = entry.frame.text;
    ui.message.focus();
  }
}

// ---- the contact token ---------------------------------------------------------------------------------------

function scheduleRenewal(delay = renewalDelay(chat?.contactToken)) {
  clearTimeout(renewalTimer);
  if (delay !== null && chat && !chat.ended) renewalTimer = setTimeout(renewToken, delay);
}

/** Before the token expires: a fresh one (POST /api/chats/{id}/contact-token), then the socket opens again with it. */
async function renewToken() {
  const current = chat;
  if (!current || current.ended) return;
  try {
    const { contactToken } = await api.post(`/api/chats/${enc(current.chatId)}/contact-token`);
    if (chat !== current) return;
    chat.contactToken = contactToken;
    saveChat();
    socket?.reconnectNow();
    scheduleRenewal();
  } catch (error) {
    // Refused for good (the chat is gone), or the service is away: try again while the token lives.
    if (chat === current && !(error instanceof ApiError && [401, 403, 404].includes(error.status))) {
      scheduleRenewal(RENEWAL.retryMs);
    }
  }
}

/** The connection line: a message key and its parameters (or the service's own text), or null for nothing. */
function say(text) {
  connectionText = text;
  ui.connection.textContent = !text ? '' : text.key ? t(text.key, text.params) : text.text;
}

function showConnection(status, detail) {
  say({
    connecting: { key: 'connection.connecting' },
    reconnecting: { key: 'widget.connection.reconnecting', params: { seconds: detail } },
  }[status] ?? null);
}

function showQueue() {
  if (!queueFrame) return;
  const wait = queueFrame.estimatedWaitSeconds;
  const minutes = wait ? Math.ceil(wait / SECONDS_PER_MINUTE) : null;
  ui.queue.textContent = minutes ? t('widget.queue.positionWait', { position: queueFrame.position, minutes })
    : t('widget.queue.position', { position: queueFrame.position });
}

function showTyping() {
  ui.typing.textContent = typingName === null ? '' : t('common.typing', { name: typingName || t('widget.theAgent') });
}

function handleFrame(frame) {
  switch (frame.type) {
    case 'ack':
      if (connectionText?.key === 'common.unavailable') say(null);
      break;
    case 'item':
      if (timeline.add(frame.item, { live: frame.item.seq > chat.lastSeq })) {
        chat.lastSeq = Math.max(chat.lastSeq, timeline.lastSeq);
        saveChat();
      }
      if (timeline.viewerPresent) receipts?.received(timeline.highestSeq);
      markRead();
      if (frame.item.kind === 'MESSAGE' && frame.item.authorRole !== 'CONTACT') {
        typingName = null;
        showTyping();
      }
      if (frame.item.kind === 'NOTICE' && frame.item.notice === 'ENDED') setEnded(true);
      if (frame.item.kind === 'NOTICE' && frame.item.notice === 'JOINED' && frame.item.role !== 'CONTACT') {
        show(ui.queue, false);
        markAnswered();
      }
      break;
    case 'receipt':
      timeline.updateReceipts([frame]);
      if (frame.participantId === timeline.options.viewerId) receipts?.confirmed(frame);
      break;
    case 'receipts':
      // On resume: every participant's receipts as they are, this contact's own the service's whole truth.
      timeline.updateReceipts(frame.receipts || []);
      receipts?.confirmed((frame.receipts || []).find((r) => r.participantId === timeline.options.viewerId),
        { exact: true });
      break;
    case 'queue':
      show(ui.queue, true);
      queueFrame = frame;
      showQueue();
      break;
    case 'typing':
      typingName = frame.typing ? frame.name || '' : null;
      showTyping();
      break;
    case 'call':
      contactCall.onFrame(frame);
      break;
    case 'call-signal':
      contactCall.onSignal(frame);
      break;
    case 'state':
      if (frame.state === 'ACTIVE') {
        show(ui.queue, false);
        markAnswered();
      }
      if (frame.state === 'ENDED' || frame.state === 'DONE') setEnded(true);
      break;
    case 'error':
      // A message's own refusal shows on the message (pending, or failed with its text); others here.
      if (frame.code === 'unavailable') {
        say({ key: 'common.unavailable' });
      } else if (!frame.clientMessageId && frame.code !== 'rate-limited') {
        // (typing signals over the limit are simply dropped: the next one goes through)
        say(frame.message ? { text: frame.message } : { key: 'widget.refused' });
      }
      break;
    default:
      break;
  }
}

/** What the open widget shows in a visible, focused window is read. */
function markRead() {
  if (!receipts || !timeline.viewerPresent || ui.widget.hidden || document.visibilityState !== 'visible'
    || !document.hasFocus()) return;
  receipts.read(timeline.highestSeq);
}

function markAnswered() {
  if (chat.answered) return;
  chat.answered = true;
  saveChat();
  showLeaveMessage();
}

/**
 * "Leave a message" while nobody has answered yet (instead of waiting) and once a chat ended that nobody answered
 * (no agent, or the queue closed meanwhile); not after the contact left on their own.
 */
function showLeaveMessage() {
  const offered = Boolean(chat?.contact) && !chat.answered && !(chat.ended && chat.leftByMe);
  // Marked, so that a language switch says the right one (translatePage).
  ui.leaveMessage.dataset.i18n = chat?.ended ? 'widget.leaveUsAMessage' : 'widget.leaveMessageInstead';
  ui.leaveMessage.textContent = t(ui.leaveMessage.dataset.i18n);
  show(ui.leaveMessage, offered);
}

/** While waiting the chat is left first (its place in the queue given up), then the message form opens. */
async function leaveMessage() {
  if (!chat) return;
  const target = chat.contact;
  if (!chat.ended) {
    chat.leftByMe = true;
    await leave();
    if (!chat?.ended) return;
  }
  newChat();
  ui.form.elements.name.value = target.name || '';
  ui.form.elements.email.value = target.email || '';
  ui.form.elements.queue.value = target.queue;
  messageMode.enter(t('widget.messageOffer'), false);
  checkOpening();
}

function setEnded(ended) {
  chat.ended = ended;
  saveChat();
  ui.message.disabled = ended;
  ui.attach.disabled = ended;
  ui.composer.querySelector('button[type=submit]').disabled = ended;
  show(ui.leave, !ended);
  show(ui.newChat, ended);
  showLeaveMessage();
  if (ended) {
    show(ui.queue, false);
    typingName = null;
    showTyping();
    askSurvey();
  }
}

// ---- the satisfaction survey after the end ------------------------------------------------------------------------

/** Once the chat ended: the survey form, when the chat's queue asks for one and it was not answered yet. */
async function askSurvey() {
  const current = chat;
  if (!current || surveyAsked === current.chatId) return;
  surveyAsked = current.chatId;
  if (current.surveyDone) {
    show(ui.surveyThanks, true);
    return;
  }
  try {
    const survey = await api.get(`/api/chats/${enc(current.chatId)}/survey`);
    if (chat !== current || !survey.offered) return;
    if (survey.answered) {
      surveyAnswered();
      return;
    }
    if (survey.maxCommentLength) ui.surveyComment.maxLength = survey.maxCommentLength;
    ui.survey.reset();
    ui.surveyError.textContent = '';
    show(ui.survey, true);
  } catch {
    // No survey this time (the service is away or the chat is gone): the end of the chat is unaffected.
  }
}

async function sendSurvey(event) {
  event.preventDefault();
  const current = chat;
  if (!current) return;
  const score = ui.survey.elements.score.value;
  if (!score) {
    ui.surveyError.textContent = t('survey.error.score');
    return;
  }
  const submit = ui.survey.querySelector('button[type=submit]');
  submit.disabled = true;
  try {
    await api.post(`/api/chats/${enc(current.chatId)}/survey`,
      { score: Number(score), comment: ui.surveyComment.value.trim() || undefined });
    if (chat === current) surveyAnswered();
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && error.problem?.type?.endsWith('/survey-answered')) {
      if (chat === current) surveyAnswered();
      return;
    }
    const violations = error instanceof ApiError ? error.problem?.violations : null;
    ui.surveyError.textContent = violations?.length
      ? violations.map((v) => t('common.fieldError', { field: v.field, message: v.message })).join(' ')
      : t('survey.error.send', { error: error.message });
  } finally {
    submit.disabled = false;
  }
}

function surveyAnswered() {
  chat.surveyDone = true;
  saveChat();
  show(ui.survey, false);
  show(ui.surveyThanks, true);
}

function sendMessage(event) {
  event.preventDefault();
  const text = ui.message.value.trim();
  if (!text || !socket || chat.ended) return;
  socket.sendMessage({ type: 'message', clientMessageId: newId(), text });
  ui.message.value = '';
  stopTyping();
}

/** The file chosen with the paperclip goes at once; the item shows when stored, a refusal says why. */
async function sendFile() {
  const file = ui.file.files[0];
  ui.file.value = '';
  const current = chat;
  if (!file || !current || current.ended) return;
  ui.attach.disabled = true;
  say({ key: 'file.uploading', params: { name: file.name } });
  try {
    const item = await files.upload(file, newId(), current.chatId);
    if (chat !== current) return;
    say(null);
    // The socket brings it too; whichever comes first shows it, once.
    if (timeline.add(item)) {
      chat.lastSeq = Math.max(chat.lastSeq, timeline.lastSeq);
      saveChat();
    }
  } catch (error) {
    if (chat === current) say({ key: refusalKey(error.status, error.problem), params: { name: file.name } });
  } finally {
    ui.attach.disabled = !chat || chat.ended;
  }
}

function onTyping() {
  if (!socket || chat.ended) return;
  if (!typingSent) {
    typingSent = socket.send({ type: 'typing', typing: true });
  }
  clearTimeout(typingTimer);
  typingTimer = setTimeout(stopTyping, TYPING_IDLE_MS);
}

function stopTyping() {
  clearTimeout(typingTimer);
  if (typingSent) socket?.send({ type: 'typing', typing: false });
  typingSent = false;
}

async function leave() {
  if (!chat) return;
  try {
    if (socket?.open) socket.send({ type: 'leave' });
    else await api.post(`/api/chats/${encodeURIComponent(chat.chatId)}/leave`);
  } catch (error) {
    say({ key: 'widget.error.leave', params: { error: error.message } });
    return;
  }
  setEnded(true);
}

function newChat() {
  clearTimeout(renewalTimer);
  socket?.close();
  socket = null;
  receipts?.stop();
  receipts = null;
  chat = null;
  saveChat();
  surveyAsked = null;
  show(ui.survey, false);
  show(ui.surveyThanks, false);
  timeline.clear();
  show(ui.conversation, false);
  messageMode.showThanks(false);
  messageMode.leave();
  show(ui.form, true);
  $('#contact-name').focus();
  checkOpening();
}

// Links in pushed pages open in a new window only for http(s) (the anchor itself is built that way too).
ui.timeline.addEventListener('click', (event) => {
  const link = event.target.closest('a.pushed-page');
  if (link && !isWebUrl(link.href)) event.preventDefault();
});

ui.launcher.addEventListener('click', () => {
  if (ui.widget.hidden && !chat) checkOpening();
  openWidget(ui.widget.hidden);
});
ui.form.elements.queue.addEventListener('change', checkOpening);
ui.minimize.addEventListener('click', () => openWidget(false));
ui.widget.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') openWidget(false);
});
ui.form.addEventListener('submit', submitForm);
ui.composer.addEventListener('submit', sendMessage);
ui.message.addEventListener('input', onTyping);
ui.attach.addEventListener('click', () => ui.file.click());
ui.file.addEventListener('change', sendFile);
submitOnEnter(ui.message, ui.composer);
ui.leave.addEventListener('click', () => {
  if (chat) chat.leftByMe = true;
  leave();
});
ui.leaveMessage.addEventListener('click', leaveMessage);
ui.newChat.addEventListener('click', newChat);
ui.survey.addEventListener('submit', sendSurvey);
// Coming back to the page (another tab, another window) reads what the open widget shows.
document.addEventListener('visibilitychange', markRead);
window.addEventListener('focus', markRead);
// The chat is held in the page's language: choosing one in the form switches the page, and the other way round.
ui.language.addEventListener('change', () => setLanguage(ui.language.value));

/** After a language switch: what the page wrote itself, said again (the static text is done by i18n.js). */
function relabel() {
  contactCall.render();
  ui.language.value = language();
  if (formErrors.length) ui.formError.textContent = formErrors.map((key) => t(key)).join(' ');
  if (connectionText) say(connectionText);
  showQueue();
  showTyping();
  timeline.redraw();
}
startPageLanguage();
relabel();
onLanguageChange(relabel);

if (chat) {
  openWidget(true);
  startConversation();
}

// For the browser tests and for support: drop the connection as a network failure would.
window.switchboardWidget = { dropConnection: () => socket?.drop(), renewToken: () => renewToken(), timeline };
