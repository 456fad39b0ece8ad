// A web call ("Call in browser"): the agent calls the contact from the desk, the contact accepts in the widget, audio
// flows both ways between the two browsers (fake microphones, see lib/harness.js), the agent hangs up, and history
// lists the call with its duration. The audio is read through the pages' test hook (window.switchboardCall.stats(),
// js/web-call.js): the connection state and the bytes of audio received and sent.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  acceptOffer, call, eventually, items, launch, newPage, onlyOfferedTo, requestChat, screenshot, sendAgentMessage,
  setAgentState, setReady, signInAgent, unique,
} from '../lib/harness.js';

/** Audio of a few hundred milliseconds: enough to tell it flows, not a measure of anything. */
const MIN_AUDIO_BYTES = 2000;

let browser;
let alice;
before(async () => {
  browser = await launch();
  await onlyOfferedTo('agent1');
  alice = await newPage(browser, 'agent1');
  await signInAgent(alice, 'agent1');
});
after(async () => {
  await setAgentState('agent1', 'NOT_READY').catch(() => {});
  await browser?.close();
});

const stats = (page) => page.evaluate(() => window.switchboardCall.stats());

/** The call is connected on this page and audio arrives, more of it on a second look. */
async function audioFlows(page, who) {
  const first = await eventually(`${who}: connected with audio in`, async () => {
    const s = await stats(page);
    return s.connectionState === 'connected' && s.bytesReceived > MIN_AUDIO_BYTES ? s : null;
  });
  const later = await eventually(`${who}: more audio in`, async () => {
    const s = await stats(page);
    return s.bytesReceived > first.bytesReceived ? s : null;
  });
  assert.ok(later.bytesSent > 0, `${who} sends audio too`);
  return later;
}

test('the agent calls the contact in the browser; audio flows both ways; hang-up ends it on both sides', async () => {
  const contactName = unique('Voice');
  await setReady(alice, true);
  const contact = await newPage(browser, contactName);
  await requestChat(contact, { name: contactName, email: 'voice.contact@example.com' });
  await acceptOffer(alice, contactName);
  await sendAgentMessage(alice, 'Shall we talk?');
  await items(contact, '#contact-timeline', 'Shall we talk?').waitFor();
  const chatId = await contact.evaluate(() => JSON.parse(sessionStorage.getItem('switchboard.contact.chat')).chatId);

  await alice.getByRole('tab', { name: 'Contact' }).click();
  await alice.getByRole('button', { name: 'Call in browser' }).click();
  await alice.locator('#call-status', { hasText: 'Ringing' }).waitFor();
  const banner = contact.locator('#call-banner');
  await banner.waitFor({ state: 'visible' });
  await items(contact, '#contact-timeline', 'started a voice call').waitFor();
  await screenshot(contact, '50-contact-incoming-call');
  await banner.getByRole('button', { name: 'Accept' }).click();

  await alice.locator('#call-status', { hasText: 'On a voice call' }).waitFor();
  await contact.locator('#contact-call-status', { hasText: 'On a voice call' }).waitFor();
  await audioFlows(alice, 'agent');
  await audioFlows(contact, 'contact');
  await alice.locator('#call-timer', { hasText: /^0:0[1-9]|^0:[1-5]\d/ }).waitFor();
  await screenshot(alice, '51-agent-on-a-web-call');

  // Mute and hold stay in the agent's browser; hold is told to the contact.
  await alice.getByRole('button', { name: 'Mute' }).click();
  await alice.locator('#call-mute[aria-pressed=true]').waitFor();
  await alice.getByRole('button', { name: 'Hold' }).click();
  await contact.locator('#contact-call-status', { hasText: 'on hold' }).waitFor();
  await alice.getByRole('button', { name: 'Resume' }).click();
  await contact.locator('#contact-call-status', { hasText: 'On a voice call' }).waitFor();
  // Long enough to talk a whole second or more: the duration history shows is not 0.
  await new Promise((resolve) => { setTimeout(resolve, 1500); });

  await alice.getByRole('button', { name: 'Hang up' }).click();
  await alice.locator('#call-status', { hasText: 'Voice call ended' }).waitFor();
  await contact.locator('#contact-call-status', { hasText: 'Voice call ended' }).waitFor();
  await items(contact, '#contact-timeline', 'The voice call ended after').waitFor();
  await alice.getByRole('tab', { name: 'Conversation' }).click();
  await items(alice, '#agent-timeline', 'The voice call ended after').waitFor();
  assert.equal((await stats(alice)).connectionState, 'none', 'the agent\'s connection is closed');
  assert.equal((await stats(contact)).connectionState, 'none', 'the contact\'s connection is closed');

  // Only the two parties see the ICE servers and the call log; here the agent reads it as the pages do.
  const log = await call('agent1', 'GET', `/api/chats/${encodeURIComponent(chatId)}/calls`);
  assert.equal(log.calls.length, 1);
  assert.equal(log.calls[0].state, 'ENDED');
  assert.equal(log.calls[0].reason, 'hung-up');
  assert.equal(log.calls[0].endedBy, 'agent1');

  const history = await eventually('the call in history', async () => {
    const view = await call('supervisor1', 'GET', `/api/history/interactions/${encodeURIComponent(chatId)}`,
      undefined, [404]);
    return view?.calls?.some((c) => c.state === 'ENDED') ? view : null;
  });
  const webCall = history.calls.find((c) => c.channel === 'WEB');
  assert.equal(webCall.state, 'ENDED');
  assert.equal(webCall.endedBy, 'agent1');
  assert.equal(webCall.reason, 'hung-up');
  assert.ok(webCall.durationSeconds >= 1, `talked ${webCall.durationSeconds} s`);
  assert.ok(webCall.answeredAt && webCall.endedAt, 'answer and end times');

  assert.deepEqual([...alice.errors, ...contact.errors], []);
  await contact.context().close();
});
