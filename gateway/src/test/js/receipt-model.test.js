// Delivery and read receipts (js/receipt-model.js): the ticks on the viewer's own messages, and the receipts the page
// sends, gathered and never going back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReceiptModel, ReceiptSender } from '../../main/resources/META-INF/resources/js/receipt-model.js';

const joined = (seq, participantId, name, role) => ({ seq, kind: 'NOTICE', notice: 'JOINED', participantId, name, role });
const left = (seq, participantId) => ({ seq, kind: 'NOTICE', notice: 'LEFT', participantId });
const message = (seq, authorId, extra = {}) => ({ seq, kind: 'MESSAGE', authorId, ...extra });

/** A chat: the contact joined at 1, Alice at 2. */
function twoParties() {
  const model = new ReceiptModel();
  model.notice(joined(1, 'contact:c1', 'Dana', 'CONTACT'));
  model.notice(joined(2, 'agent1', 'Alice', 'AGENT'));
  return model;
}

test('a message is sent, then delivered, then read as the other side says', () => {
  const model = twoParties();
  const mine = message(3, 'agent1');
  assert.equal(model.ticks(mine, 'agent1').state, 'sent');
  model.update({ participantId: 'contact:c1', deliveredSeq: 3, readSeq: 0 });
  assert.equal(model.ticks(mine, 'agent1').state, 'delivered');
  model.update({ participantId: 'contact:c1', deliveredSeq: 3, readSeq: 3 });
  assert.deepEqual(model.ticks(mine, 'agent1'), { state: 'read', readBy: ['Dana'], audience: 1 });
});

test('watermarks never go back, whatever order the receipts come in', () => {
  const model = twoParties();
  assert.equal(model.update({ participantId: 'contact:c1', deliveredSeq: 5, readSeq: 4 }), true);
  assert.equal(model.update({ participantId: 'contact:c1', deliveredSeq: 3, readSeq: 3 }), false);
  assert.equal(model.ticks(message(4, 'agent1'), 'agent1').state, 'read');
  // A read covers the delivery even when the receipt says less of it.
  model.update({ participantId: 'agent1', deliveredSeq: 0, readSeq: 6 });
  assert.equal(model.ticks(message(6, 'contact:c1'), 'contact:c1').state, 'read');
});

test('with three parties a message is read only when everyone read it, and says who did', () => {
  const model = twoParties();
  model.notice(joined(3, 'sup1', 'Sam', 'SUPERVISOR'));
  const mine = message(4, 'agent1');
  model.update({ participantId: 'contact:c1', deliveredSeq: 4, readSeq: 4 });
  assert.deepEqual(model.ticks(mine, 'agent1'), { state: 'sent', readBy: ['Dana'], audience: 2 });
  model.update({ participantId: 'sup1', deliveredSeq: 4, readSeq: 0 });
  assert.equal(model.ticks(mine, 'agent1').state, 'delivered');
  model.update({ participantId: 'sup1', deliveredSeq: 4, readSeq: 4 });
  assert.deepEqual(model.ticks(mine, 'agent1'), { state: 'read', readBy: ['Dana', 'Sam'], audience: 2 });
});

test('only those in the chat when the message was written count; the contact never for a whisper', () => {
  const model = twoParties();
  model.notice(joined(3, 'sup1', 'Sam', 'SUPERVISOR'));
  model.notice(left(5, 'sup1'));
  model.update({ participantId: 'contact:c1', deliveredSeq: 9, readSeq: 9 });
  assert.equal(model.ticks(message(6, 'agent1'), 'agent1').state, 'read', 'Sam left before it');
  assert.equal(model.ticks(message(4, 'agent1'), 'agent1').state, 'sent', 'Sam was there and never got it');
  const whisper = message(7, 'agent1', { whisper: true });
  assert.equal(model.ticks(whisper, 'agent1').audience, 0, 'nobody else of the staff was in');
  assert.equal(model.ticks(whisper, 'agent1').state, 'sent');
  // A replayed notice (resume) changes nothing.
  model.notice(joined(3, 'sup1', 'Sam', 'SUPERVISOR'));
  assert.equal(model.ticks(message(6, 'agent1'), 'agent1').state, 'read');
});

test('a participant is present from their join notice until they leave (receipts are only theirs to send then)', () => {
  const model = twoParties();
  assert.equal(model.present('agent1'), true);
  assert.equal(model.present('agent2'), false, 'never joined');
  model.notice({ seq: 5, kind: 'NOTICE', notice: 'TRANSFERRED', participantId: 'agent1' });
  assert.equal(model.present('agent1'), false);
  model.notice(joined(9, 'agent1', 'Alice', 'AGENT'));
  assert.equal(model.present('agent1'), true, 'back in a conference');
});

/** A sender whose timer the test runs by hand. */
function sender() {
  const frames = [];
  let due = null;
  const s = new ReceiptSender((frame) => frames.push(frame), {
    setTimer: (fn) => { due = fn; return 1; }, clearTimer: () => { due = null; },
  });
  return { s, frames, tick: () => { const fn = due; due = null; fn?.(); } };
}

test('receipts are gathered: one frame with the highest seq per delay', () => {
  const { s, frames, tick } = sender();
  s.received(3);
  s.received(4);
  s.received(2);
  tick();
  assert.deepEqual(frames, [{ type: 'received', seq: 4 }]);
  s.received(4);
  tick();
  assert.equal(frames.length, 1, 'nothing new, nothing sent');
});

test('a read says the delivery too, and a confirmed resume resends what the service lacks', () => {
  const { s, frames, tick } = sender();
  s.received(5);
  s.read(5);
  tick();
  assert.deepEqual(frames, [{ type: 'read', seq: 5 }]);
  // After a reconnect the service says it only has 3/0 (the frame was lost): the page says it again.
  s.confirmed({ deliveredSeq: 3, readSeq: 0 }, { exact: true });
  tick();
  assert.deepEqual(frames.at(-1), { type: 'read', seq: 5 });
  // A live receipt of an older value does not make the page send again.
  s.confirmed({ deliveredSeq: 4, readSeq: 4 });
  tick();
  assert.equal(frames.length, 2);
});

test('a frame the socket could not send goes with the next chance', () => {
  let online = false;
  const frames = [];
  let due = null;
  const s = new ReceiptSender((frame) => (online ? frames.push(frame) : false), {
    setTimer: (fn) => { due = fn; return 1; }, clearTimer: () => {},
  });
  s.received(2);
  due();
  assert.equal(frames.length, 0);
  online = true;
  s.received(3);
  due();
  assert.deepEqual(frames, [{ type: 'received', seq: 3 }]);
});
