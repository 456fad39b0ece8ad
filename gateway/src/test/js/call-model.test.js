// Web calls as the pages follow them (js/call-model.js): which call a frame is about, the talk timer, the CALL
// notices in both languages, and what a relayed signal carries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  callNotice, clock, isLive, nextCall, signalKind, talkSeconds,
} from '../../main/resources/META-INF/resources/js/call-model.js';
import { formatDuration, translator, useLanguage } from '../../main/resources/META-INF/resources/js/i18n.js';
import { noticeText } from '../../main/resources/META-INF/resources/js/timeline.js';

const frame = (callId, state, extra = {}) => ({ type: 'call', chatId: 'c1', callId, channel: 'WEB', state,
  agentId: 'agent1', at: '2026-12-01T10:00:00Z', ...extra });

test('a call rings, is answered with the time of the answer, and is gone once over', () => {
  let call = nextCall(null, frame('k1', 'RINGING'));
  assert.equal(call.state, 'RINGING');
  assert.equal(call.answeredAt, null);
  call = nextCall(call, frame('k1', 'ANSWERED'), Date.parse('2026-12-01T10:00:30Z'));
  assert.equal(call.state, 'ANSWERED');
  assert.equal(call.answeredAt, Date.parse('2026-12-01T10:00:00Z'));
  assert.equal(talkSeconds(call, Date.parse('2026-12-01T10:02:05Z')), 125);
  assert.equal(nextCall(call, frame('k1', 'ENDED', { reason: 'hung-up' })), null);
});

test('frames of phone calls, of another call and late frames change nothing', () => {
  const talking = nextCall(nextCall(null, frame('k1', 'RINGING')), frame('k1', 'ANSWERED'));
  assert.equal(nextCall(talking, { ...frame('p1', 'DIALLING'), channel: 'PHONE' }), talking);
  assert.equal(nextCall(talking, frame('k2', 'RINGING')), talking, 'never a second call beside the first');
  assert.equal(nextCall(talking, frame('k1', 'RINGING')), talking, 'a late RINGING does not undo the answer');
  assert.equal(nextCall(null, frame('k0', 'ENDED')), null, 'the end of a call never shown shows nothing');
  assert.equal(isLive('RINGING'), true);
  assert.equal(isLive('DECLINED'), false);
});

test('the timer reads minutes and seconds', () => {
  assert.equal(clock(0), '0:00');
  assert.equal(clock(65), '1:05');
  assert.equal(clock(3601), '60:01');
  assert.equal(talkSeconds({ answeredAt: null }, Date.now()), 0);
});

test('CALL notices are worded from their fields in English and French', () => {
  const en = translator('en');
  const fr = translator('fr');
  const words = (item, tr) => {
    const { key, params } = callNotice(item, (s) => `${s}s`);
    return tr.t(key, params);
  };
  const ring = { kind: 'NOTICE', notice: 'CALL', channel: 'WEB', callState: 'RINGING', name: 'Alice Martin' };
  assert.equal(words(ring, en), 'Alice Martin started a voice call');
  assert.equal(words(ring, fr), 'Alice Martin a lancé un appel vocal');
  const ended = { notice: 'CALL', channel: 'WEB', callState: 'ENDED', reason: 'hung-up', durationSeconds: 125 };
  assert.equal(words(ended, en), 'The voice call ended after 125s');
  assert.equal(words({ ...ended, durationSeconds: 0, reason: 'no-answer' }, fr),
    'L’appel vocal est resté sans réponse');
  assert.equal(words({ ...ended, durationSeconds: 0, reason: 'chat-ended' }, en), 'The voice call ended');
  const failed = { notice: 'CALL', channel: 'PHONE', callState: 'FAILED', reason: 'busy' };
  assert.equal(words(failed, en), 'The phone call could not be made (busy)');
});

test('a CALL notice in the timeline says the duration in the page language', () => {
  useLanguage('en');
  const item = { kind: 'NOTICE', notice: 'CALL', channel: 'WEB', callState: 'ENDED', reason: 'hung-up',
    durationSeconds: 125, text: 'The voice call ended after 2 min 5 s' };
  assert.equal(noticeText(item), `The voice call ended after ${formatDuration(125)}`);
  assert.match(noticeText(item), /2 min 5 s/);
  useLanguage('fr');
  assert.match(noticeText(item), /^L’appel vocal s’est terminé après 2/);
  assert.equal(noticeText({ ...item, callState: 'SOMETHING_NEW' }), item.text, 'an unknown step: the service\'s words');
  useLanguage('en');
});

test('a signal is an sdp, a candidate or a hold', () => {
  assert.equal(signalKind({ sdp: { type: 'offer', sdp: 'v=0' } }), 'sdp');
  assert.equal(signalKind({ candidate: null }), 'candidate');
  assert.equal(signalKind({ kind: 'hold' }), 'hold');
  assert.equal(signalKind({ kind: 'unhold' }), 'unhold');
  assert.equal(signalKind({ kind: 'dance' }), null);
  assert.equal(signalKind('sdp'), null);
});
