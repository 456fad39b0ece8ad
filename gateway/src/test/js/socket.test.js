// ResilientSocket (js/socket.js) over a fake WebSocket: what reaches the wire when the service refuses for a while,
// when the socket drops, and when the token expires. Timers and Date are node's mock ones.
import { beforeEach, afterEach, mock, test } from 'node:test';
import assert from 'node:assert/strict';

class FakeWebSocket {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSING = 2;
  static CLOSED = 3;
  static all = [];

  constructor(url, protocols) {
    this.url = url;
    this.protocols = protocols;
    this.readyState = FakeWebSocket.CONNECTING;
    this.sent = [];
    this.listeners = {};
    FakeWebSocket.all.push(this);
  }

  addEventListener(type, listener) {
    (this.listeners[type] ??= []).push(listener);
  }

  emit(type, event = {}) {
    (this.listeners[type] ?? []).forEach((listener) => listener(event));
  }

  send(data) {
    this.sent.push(JSON.parse(data));
  }

  close(code = 1005) {
    this.serverClose(code);
  }

  // test side
  accept() {
    this.readyState = FakeWebSocket.OPEN;
    this.emit('open');
  }

  reply(frame) {
    this.emit('message', { data: JSON.stringify(frame) });
  }

  serverClose(code = 1006) {
    if (this.readyState === FakeWebSocket.CLOSED) return;
    this.readyState = FakeWebSocket.CLOSED;
    this.emit('close', { code, reason: '' });
  }

  messages() {
    return this.sent.filter((f) => f.type === 'message').map((f) => f.clientMessageId);
  }
}

globalThis.WebSocket = FakeWebSocket;
globalThis.location = { protocol: 'http:', host: 'switchboard.test' };
const { ResilientSocket } = await import('../../main/resources/META-INF/resources/js/socket.js');

const latest = () => FakeWebSocket.all.at(-1);
const message = (id) => ({ type: 'message', clientMessageId: id, text: `text ${id}` });

beforeEach(() => {
  FakeWebSocket.all = [];
  mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 });
});
afterEach(() => mock.timers.reset());

function open(handlers = {}) {
  const changes = [];
  const socket = new ResilientSocket('/ws/contact/c1', () => 'token-1', {
    onOpen: (s) => s.send({ type: 'resume', afterSeq: 0 }),
    onOutbox: (chatId) => changes.push(chatId),
    ...handlers,
  });
  latest().accept();
  return { socket, changes };
}

test('messages typed while offline go out in order, after the resume, once the socket opens', () => {
  const socket = new ResilientSocket('/ws/contact/c1', () => 'token-1', {
    onOpen: (s) => s.send({ type: 'resume', afterSeq: 0 }),
  });
  socket.sendMessage(message('a'));
  socket.sendMessage(message('b'));
  assert.deepEqual(socket.unsent().map((e) => e.state), ['queued', 'queued'], 'shown as pending');
  const ws = latest();
  ws.accept();
  assert.deepEqual(ws.sent.map((f) => f.type), ['resume', 'message']);
  ws.reply({ type: 'ack', clientMessageId: 'a', seq: 1 });
  ws.reply({ type: 'ack', clientMessageId: 'b', seq: 2 });
  assert.deepEqual(ws.messages(), ['a', 'b']);
  assert.deepEqual(socket.unsent().map((e) => e.state), ['stored', 'stored'], 'drawn as sent until the items come');
  ws.reply({ type: 'item', item: { seq: 1, kind: 'MESSAGE', clientMessageId: 'a' } });
  ws.reply({ type: 'item', item: { seq: 2, kind: 'MESSAGE', clientMessageId: 'b' } });
  assert.deepEqual(socket.unsent(), []);
});

test('unavailable: the message goes again with its clientMessageId after retryAfterSeconds; the next waits', () => {
  const { socket } = open();
  const ws = latest();
  socket.sendMessage(message('a'));
  socket.sendMessage(message('b'));
  ws.reply({ type: 'error', code: 'unavailable', clientMessageId: 'a', retryAfterSeconds: 2 });
  assert.equal(socket.unsent()[0].state, 'retry');
  mock.timers.tick(1999);
  assert.deepEqual(ws.messages(), ['a'], 'b never overtakes a');
  mock.timers.tick(1);
  assert.deepEqual(ws.messages(), ['a', 'a']);
  ws.reply({ type: 'ack', clientMessageId: 'a', seq: 5 });
  assert.deepEqual(ws.messages(), ['a', 'a', 'b']);
});

test('rate-limited waits the same way', () => {
  const { socket } = open();
  const ws = latest();
  socket.sendMessage(message('a'));
  ws.reply({ type: 'error', code: 'rate-limited', clientMessageId: 'a', retryAfterSeconds: 1 });
  mock.timers.tick(1000);
  assert.deepEqual(ws.messages(), ['a', 'a']);
});

test('a dropped socket sends the unanswered message again on the next one, after the resume', () => {
  const { socket } = open();
  socket.sendMessage(message('a'));
  socket.sendMessage(message('b'));
  latest().serverClose(1006);
  assert.deepEqual(socket.unsent().map((e) => e.state), ['queued', 'queued']);
  mock.timers.tick(1000); // the first back-off ceiling
  const second = latest();
  assert.equal(FakeWebSocket.all.length, 2);
  second.accept();
  assert.deepEqual(second.sent.map((f) => f.type), ['resume', 'message']);
  assert.deepEqual(second.messages(), ['a']);
  second.reply({ type: 'item', item: { seq: 3, kind: 'MESSAGE', clientMessageId: 'a' } }); // the resume's replay
  assert.deepEqual(second.messages(), ['a', 'b']);
});

test('refused for good: failed with its text, the next one goes, nothing is sent again by itself', () => {
  const { socket, changes } = open();
  const ws = latest();
  socket.sendMessage(message('a'));
  socket.sendMessage(message('b'));
  ws.reply({ type: 'error', code: 'too-large', message: 'Too large', clientMessageId: 'a' });
  assert.deepEqual(ws.messages(), ['a', 'b']);
  const failed = socket.unsent()[0];
  assert.deepEqual([failed.state, failed.error, failed.frame.text], ['failed', 'Too large', 'text a']);
  mock.timers.tick(60_000);
  assert.deepEqual(ws.messages(), ['a', 'b']);
  assert.ok(changes.length > 0, 'the page was told to draw the outbox again');
});

test('4401 with a renewed token: the socket opens again with it; without one it stops', async () => {
  let token = 'old';
  const finals = [];
  const socket = new ResilientSocket('/ws/agent', () => token, {
    onTokenExpired: async () => token,
    onFinalClose: (code) => finals.push(code),
  });
  latest().accept();
  socket.sendMessage({ ...message('a'), chatId: 'c1' });
  token = 'new';
  latest().serverClose(4401);
  await Promise.resolve();
  await Promise.resolve();
  mock.timers.tick(1000);
  assert.equal(FakeWebSocket.all.length, 2);
  assert.match(decodeURIComponent(latest().protocols[1]), /Bearer new$/);
  latest().accept();
  assert.deepEqual(latest().messages(), ['a'], 'the unanswered message follows');

  token = null;
  latest().serverClose(4401);
  await Promise.resolve();
  await Promise.resolve();
  assert.deepEqual(finals, [4401]);
});

test('reconnectNow opens a new socket at once with the current token', () => {
  let token = 't1';
  const socket = new ResilientSocket('/ws/agent', () => token, {});
  latest().accept();
  token = 't2';
  socket.reconnectNow();
  assert.equal(FakeWebSocket.all.length, 2);
  assert.match(decodeURIComponent(latest().protocols[1]), /Bearer t2$/);
});
