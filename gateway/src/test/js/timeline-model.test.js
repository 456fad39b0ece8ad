// What a chat's timeline holds (js/timeline-model.js): each item once, ordered by seq, the gap-free last seq.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TimelineModel } from '../../main/resources/META-INF/resources/js/timeline-model.js';

const message = (seq, clientMessageId, authorId = 'contact:1') => ({ seq, kind: 'MESSAGE', clientMessageId, authorId });

test('a replayed seq is shown once', () => {
  const model = new TimelineModel();
  assert.equal(model.add(message(1, 'a')), true);
  assert.equal(model.add(message(1, 'a')), false);
  assert.equal(model.items.size, 1);
});

test('the same message under another seq is shown once', () => {
  const model = new TimelineModel();
  model.add(message(1, 'a'));
  assert.equal(model.add(message(2, 'a')), false);
  assert.equal(model.add(message(3, 'a', 'agent1')), true, 'an id another author chose may be equal: their own message');
});

test('lastSeq is the highest seq without a gap before it', () => {
  const model = new TimelineModel();
  model.add(message(1, 'a'));
  model.add(message(3, 'c'));
  assert.equal(model.lastSeq, 1, 'seq 2 is missing: a resume asks from 1');
  model.add(message(2, 'b'));
  assert.equal(model.lastSeq, 3);
});

test('an item arriving late goes before the first higher seq', () => {
  const model = new TimelineModel();
  model.add(message(1, 'a'));
  model.add(message(4, 'd'));
  model.add(message(6, 'f'));
  assert.equal(model.followingSeq(2), 4);
  assert.equal(model.followingSeq(5), 6);
  assert.equal(model.followingSeq(7), null);
});

test('notices and bad items', () => {
  const model = new TimelineModel();
  assert.equal(model.add({ seq: 1, kind: 'NOTICE', notice: 'JOINED' }), true);
  assert.equal(model.add({ seq: 'x' }), false);
  assert.equal(model.add({ seq: 0 }), false);
  assert.equal(model.add(null), false);
  assert.equal(model.hasMessage('a'), false);
  model.add(message(2, 'a'));
  assert.equal(model.hasMessage('a'), true);
  model.clear();
  assert.equal(model.lastSeq, 0);
  assert.equal(model.hasMessage('a'), false);
});
