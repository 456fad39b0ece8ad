// The desk's offer alerts (agent/alert-model.js): the tab title's count, and one tone per offer however often the
// service sends it again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countsAsUnread, deskTitle, OfferAnnouncements } from '../../main/resources/META-INF/resources/agent/alert-model.js';

test('the tab title counts what waits, and says nothing when nothing does', () => {
  assert.equal(deskTitle('Switchboard — Agent desktop', 2), '(2) Switchboard — Agent desktop');
  assert.equal(deskTitle('Switchboard — Agent desktop', 0), 'Switchboard — Agent desktop');
});

test('an offer sent again after a reconnect is announced once', () => {
  const announcements = new OfferAnnouncements();
  assert.equal(announcements.isNew('offer-1'), true);
  assert.equal(announcements.isNew('offer-1'), false);
  assert.equal(announcements.isNew('offer-2'), true);
  assert.equal(announcements.isNew(undefined), false);
});

test('old offers are forgotten past the limit', () => {
  const announcements = new OfferAnnouncements(2);
  announcements.isNew('a');
  announcements.isNew('b');
  announcements.isNew('c');
  assert.equal(announcements.seen.size, 2);
  assert.equal(announcements.isNew('a'), true, 'long expired: a new offer with that id would ring again');
});

test("only others' messages after what was seen count as unread", () => {
  const message = (seq, authorId) => ({ seq, kind: 'MESSAGE', authorId });
  const agent = { userId: 'agent1', readSeq: 4 };
  assert.equal(countsAsUnread(message(5, 'contact:c1'), agent), true);
  assert.equal(countsAsUnread(message(4, 'contact:c1'), agent), false, 'replayed by a resume after a reload');
  assert.equal(countsAsUnread(message(6, 'agent1'), agent), false, 'my own, sent from another desk');
  assert.equal(countsAsUnread({ seq: 7, kind: 'NOTICE', notice: 'JOINED' }, agent), false);
  assert.equal(countsAsUnread(message(1, 'agent2'), { userId: 'agent1' }), true, 'a chat never listed: all of it');
});
