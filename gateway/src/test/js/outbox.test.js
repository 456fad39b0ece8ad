// The outbox of messages typed and not stored yet (js/outbox.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_RETRY_MS, Outbox, State } from '../../main/resources/META-INF/resources/js/outbox.js';

const msg = (id, chatId) => ({ type: 'message', clientMessageId: id, text: `text ${id}`, ...(chatId ? { chatId } : {}) });
const ids = (frames) => frames.map((f) => f.clientMessageId);

test('per chat only the oldest unsent message is on the wire; the next goes once it is stored', () => {
  const outbox = new Outbox();
  outbox.add(msg('a'));
  outbox.add(msg('b'));
  assert.deepEqual(ids(outbox.due(0)), ['a']);
  assert.deepEqual(ids(outbox.due(0)), [], 'a is still unanswered: b waits behind it');
  outbox.settle('a');
  assert.deepEqual(ids(outbox.due(0)), ['b']);
  outbox.settle('b');
  assert.equal(outbox.unsettled, false);
});

test('chats do not wait for each other', () => {
  const outbox = new Outbox();
  outbox.add(msg('a1', 'A'));
  outbox.add(msg('b1', 'B'));
  outbox.add(msg('a2', 'A'));
  assert.deepEqual(ids(outbox.due(0)), ['a1', 'b1']);
  assert.deepEqual(outbox.of('A').map((e) => e.clientMessageId), ['a1', 'a2']);
});

test('nothing goes while the socket is closed', () => {
  const outbox = new Outbox();
  outbox.add(msg('a'));
  assert.deepEqual(outbox.due(0, false), []);
  assert.equal(outbox.get('a').state, State.QUEUED);
});

test('unavailable: the same frame goes again after retryAfterSeconds, and a later one does not overtake it', () => {
  const outbox = new Outbox();
  outbox.add(msg('a'));
  outbox.add(msg('b'));
  const first = outbox.due(1000);
  outbox.refuse({ type: 'error', code: 'unavailable', clientMessageId: 'a', retryAfterSeconds: 2 }, 1000);
  assert.equal(outbox.get('a').state, State.RETRY);
  assert.equal(outbox.nextRetryAt(), 3000);
  assert.deepEqual(ids(outbox.due(2999)), [], 'neither a (not yet) nor b (behind a)');
  const again = outbox.due(3000);
  assert.deepEqual(ids(again), ['a']);
  assert.equal(again[0], first[0], 'the very same frame: same clientMessageId, so the server applies it once');
  outbox.settle('a');
  assert.deepEqual(ids(outbox.due(3000)), ['b']);
});

test('rate-limited waits too; a refusal without a delay waits the default', () => {
  const outbox = new Outbox();
  outbox.add(msg('a'));
  outbox.due(0);
  outbox.refuse({ type: 'error', code: 'rate-limited', clientMessageId: 'a' }, 0);
  assert.equal(outbox.nextRetryAt(), DEFAULT_RETRY_MS);
});

test('refused for good: failed with its text kept, and the next message goes', () => {
  const outbox = new Outbox();
  outbox.add(msg('a'));
  outbox.add(msg('b'));
  outbox.due(0);
  outbox.refuse({ type: 'error', code: 'too-large', message: 'The message has 5000 bytes', clientMessageId: 'a' }, 0);
  const failed = outbox.get('a');
  assert.equal(failed.state, State.FAILED);
  assert.equal(failed.error, 'The message has 5000 bytes');
  assert.equal(failed.frame.text, 'text a');
  assert.deepEqual(ids(outbox.due(0)), ['b']);
  assert.deepEqual(ids(outbox.due(10_000)), [], 'a failed message is never sent again by itself');
  assert.equal(outbox.discard('a').frame.text, 'text a');
  assert.deepEqual(outbox.of().map((e) => e.clientMessageId), ['b']);
});

test('a reconnect sends again what was on the wire, in the same order', () => {
  const outbox = new Outbox();
  outbox.add(msg('a'));
  outbox.add(msg('b'));
  outbox.due(0);
  outbox.disconnected();
  assert.equal(outbox.get('a').state, State.QUEUED);
  assert.deepEqual(ids(outbox.due(0)), ['a']);
});

test('frames naming messages that are not ours change nothing', () => {
  const outbox = new Outbox();
  outbox.add(msg('a'));
  assert.equal(outbox.settle('other'), null);
  assert.equal(outbox.refuse({ type: 'error', code: 'forbidden', clientMessageId: 'other' }, 0), null);
  assert.equal(outbox.of().length, 1);
});

test('a snapshot survives a reload: unsent ones go again, failed ones stay failed', () => {
  const before = new Outbox();
  before.add(msg('a'));
  before.add(msg('b'));
  before.add(msg('c'));
  before.due(0);
  before.refuse({ type: 'error', code: 'chat-finished', message: 'ended', clientMessageId: 'a' }, 0);
  before.due(0); // b on the wire when the page reloads
  const saved = JSON.parse(JSON.stringify(before.snapshot()));

  const after = new Outbox();
  after.restore(saved);
  after.restore(saved); // restoring twice adds nothing
  assert.deepEqual(after.of().map((e) => [e.clientMessageId, e.state]),
    [['a', State.FAILED], ['b', State.QUEUED], ['c', State.QUEUED]]);
  assert.deepEqual(ids(after.due(0)), ['b']);
});

test('an acknowledged message lets the next go and stays drawn until its item arrives', () => {
  const outbox = new Outbox();
  outbox.add(msg('a'));
  outbox.add(msg('b'));
  outbox.due(0);
  outbox.acknowledge('a');
  assert.equal(outbox.get('a').state, State.STORED);
  assert.deepEqual(ids(outbox.due(0)), ['b']);
  outbox.disconnected();
  assert.equal(outbox.get('a').state, State.STORED, 'stored: never sent again');
  assert.deepEqual(outbox.snapshot().map((e) => e.frame.clientMessageId), ['b'], 'a reload resumes its item instead');
  outbox.settle('a');
  assert.equal(outbox.get('a'), null);
});
