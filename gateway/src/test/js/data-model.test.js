// The agent's "Attached data" panel (agent/data-model.js): the PATCH it sends, what it refuses itself, where the
// service's refusal shows, and fresh data arriving while the agent edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataEdit, asText, asValue } from '../../main/resources/META-INF/resources/agent/data-model.js';
import { translator } from '../../main/resources/META-INF/resources/js/i18n.js';

const rowOf = (edit, key) => edit.rows.find((row) => row.key === key);

test('nothing changed sends nothing', () => {
  const edit = new DataEdit({ orderNumber: 'NW-1', amount: 129.5, vip: true });
  assert.deepEqual(edit.changes, {});
  assert.equal(edit.dirty, false);
  edit.setText(rowOf(edit, 'amount').id, '129.50');
  assert.deepEqual(edit.changes, {}, 'the same number written otherwise is no change');
});

test('a changed value, a removed key and a new key make one PATCH', () => {
  const edit = new DataEdit({ orderNumber: 'NW-1', carrier: 'DHL' });
  edit.setText(rowOf(edit, 'orderNumber').id, 'NW-2');
  edit.remove(rowOf(edit, 'carrier').id);
  const added = edit.add();
  edit.setKey(added.id, ' reason ');
  edit.setText(added.id, 'late delivery');
  assert.deepEqual(edit.changes, { orderNumber: 'NW-2', carrier: null, reason: 'late delivery' });
  assert.equal(edit.visibleRows.length, 2);
  assert.equal(edit.dirty, true);
});

test('numbers and booleans keep their type while the text reads as one', () => {
  assert.equal(asValue('42', 7), 42);
  assert.equal(asValue('forty-two', 7), 'forty-two');
  assert.equal(asValue('false', true), false);
  assert.equal(asValue('no', true), 'no');
  assert.equal(asValue('42', 'NW-1'), '42', 'a string stays a string');
  assert.equal(asValue('', 3), '');
  assert.equal(asText(false), 'false');
  assert.equal(asText(undefined), '');
});

test('a stored key cannot be renamed; removed and added again it is a change of value', () => {
  const edit = new DataEdit({ tier: 'silver' });
  edit.setKey(rowOf(edit, 'tier').id, 'level');
  assert.equal(rowOf(edit, 'tier').key, 'tier');
  edit.remove(rowOf(edit, 'tier').id);
  const again = edit.add();
  edit.setKey(again.id, 'tier');
  edit.setText(again.id, 'gold');
  assert.deepEqual(edit.changes, { tier: 'gold' });
});

test('an empty or repeated key is refused in the page, beside its row', () => {
  const edit = new DataEdit({ orderNumber: 'NW-1' });
  const empty = edit.add();
  const twice = edit.add();
  edit.setKey(twice.id, 'orderNumber');
  assert.equal(edit.check(), false);
  const said = (error) => translator('en').t(error.key, error.params);
  assert.equal(said(edit.errors.get(empty.id)), 'Enter a key.');
  assert.equal(said(edit.errors.get(twice.id)), '"orderNumber" is already in the list.');
  edit.remove(empty.id);
  edit.remove(twice.id);
  assert.equal(edit.check(), true);
});

test("the service's refusal goes beside the field it names, or above the list", () => {
  const edit = new DataEdit({ orderNumber: 'NW-1', note: 'x' });
  const ids = edit.refused([{ field: 'data.note', message: 'at most 1024 characters' }]);
  assert.deepEqual(ids, [rowOf(edit, 'note').id]);
  assert.equal(edit.errors.get(rowOf(edit, 'note').id), 'at most 1024 characters');
  edit.refused([{ field: 'data', message: 'at most 50 keys; this would make 51' }]);
  assert.equal(edit.errors.get(''), 'at most 50 keys; this would make 51');
  edit.refused(null, 'Invalid request');
  assert.equal(edit.errors.get(''), 'Invalid request');
  edit.setText(rowOf(edit, 'note').id, 'shorter');
  assert.equal(edit.errors.has(rowOf(edit, 'note').id), false, 'typing again clears the message');
});

test('a save makes the answer the new truth', () => {
  const edit = new DataEdit({ orderNumber: 'NW-1' });
  edit.setText(rowOf(edit, 'orderNumber').id, 'NW-2');
  edit.saved({ orderNumber: 'NW-2' });
  assert.deepEqual(edit.changes, {});
  assert.equal(rowOf(edit, 'orderNumber').stored, true);
});

test('fresh data while editing: untouched rows follow it, edits stay', () => {
  const edit = new DataEdit({ orderNumber: 'NW-1', tier: 'silver', carrier: 'DHL', old: 'x' });
  edit.setText(rowOf(edit, 'orderNumber').id, 'NW-2');
  edit.remove(rowOf(edit, 'carrier').id);
  const added = edit.add();
  edit.setKey(added.id, 'reason');
  edit.setText(added.id, 'late');
  // An integration changed tier, removed old and carrier, and added channel meanwhile.
  edit.rebase({ orderNumber: 'NW-1', tier: 'gold', channel: 'web' });
  assert.equal(rowOf(edit, 'tier').text, 'gold');
  assert.equal(rowOf(edit, 'old'), undefined);
  assert.equal(rowOf(edit, 'channel').text, 'web');
  assert.equal(rowOf(edit, 'carrier'), undefined, 'removed on both sides');
  assert.deepEqual(edit.changes, { orderNumber: 'NW-2', reason: 'late' });
  assert.deepEqual(edit.visibleRows.map((row) => row.key), ['orderNumber', 'tier', 'reason', 'channel']);
});

test('an edited key that the service removed meanwhile is set again by the save', () => {
  const edit = new DataEdit({ note: 'a' });
  edit.setText(rowOf(edit, 'note').id, 'b');
  edit.rebase({});
  assert.deepEqual(edit.changes, { note: 'b' });
});
