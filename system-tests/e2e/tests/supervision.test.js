// A supervisor on a live chat: monitors it unseen, whispers to the agent (who answers), then barges in for everyone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  acceptOffer, closeOpenChats, items, launch, newPage, requestChat, screenshot, sendAgentMessage,
  sendContactMessage, setAgentState, setReady, signInAgent, storedTexts, unique,
} from '../lib/harness.js';

let browser;
let alice;
let sam;
before(async () => {
  browser = await launch();
  for (const other of ['agent1', 'agent2', 'agent3', 'supervisor1']) await setAgentState(other, 'NOT_READY');
  await closeOpenChats('agent1');
  alice = await newPage(browser, 'agent1');
  sam = await newPage(browser, 'supervisor1');
  await signInAgent(alice, 'agent1');
  await signInAgent(sam, 'supervisor1', '/supervisor/');
});
after(async () => {
  await setAgentState('agent1', 'NOT_READY').catch(() => {});
  await browser?.close();
});

test('a supervisor monitors and whispers unseen by the contact, then barges in for everyone', async () => {
  const contactName = unique('Watched');
  // The board is pushed (no polling): Alice's state change reaches the supervisor's agent table by itself.
  const aliceRow = sam.locator('#agent-rows tr[data-agent="agent1"]');
  await aliceRow.locator('td', { hasText: /^Not Ready/ }).first().waitFor();
  await setReady(alice, true);
  await aliceRow.locator('td', { hasText: /^Ready$/ }).waitFor();
  assert.match(await aliceRow.locator('td.in-state').textContent(), /^\d+ s$|^\d+ min/);
  assert.equal(await sam.locator('#queue-rows tr[data-queue="sales"] svg.sparkline polyline').count(), 1);
  const contact = await newPage(browser, contactName);
  await requestChat(contact, { name: contactName, email: 'watched.contact@example.com' });
  await acceptOffer(alice, contactName);
  await sendContactMessage(contact, 'My boots are too small');
  await items(alice, '#agent-timeline', 'too small').waitFor();

  // The chat is in the supervisor's live list; Monitor shows the conversation so far, and then live.
  const row = sam.locator('#live-chat-rows tr', { hasText: contactName });
  await row.getByRole('button', { name: 'Monitor' }).click();
  await items(sam, '#monitor-timeline', 'too small').waitFor();
  await sendAgentMessage(alice, 'Let me look at your order.');
  await items(sam, '#monitor-timeline', 'look at your order').waitFor();

  // The whisper reaches the agent, marked; the agent answers with one.
  await sam.locator('#supervisor-text').fill('Offer the free exchange');
  await sam.getByRole('button', { name: 'Whisper', exact: true }).click();
  const whisper = items(alice, '#agent-timeline', 'Offer the free exchange');
  await whisper.waitFor();
  assert.match(await whisper.locator('.author').textContent(), /Whisper from Sam Taylor/);
  await alice.locator('#agent-whisper').fill('On it');
  await alice.getByRole('button', { name: 'Whisper', exact: true }).click();
  await items(sam, '#monitor-timeline', 'On it').waitFor();
  await screenshot(sam, '40-supervisor-monitoring');

  // The contact saw none of it: the next message to everyone arrives right after the agent's last one.
  await sendAgentMessage(alice, 'We can exchange them for free.');
  await items(contact, '#contact-timeline', 'exchange them for free').waitFor();
  const seen = await storedTexts(contact, '#contact-timeline');
  assert.ok(!seen.some((text) => /Offer the free exchange|On it/.test(text)), seen.join(' | '));
  assert.equal(await items(contact, '#contact-timeline', 'Sam Taylor').count(), 0);

  // Barge-in: everyone sees the supervisor join and speak; then the supervisor leaves.
  await sam.getByRole('button', { name: 'Barge in' }).click();
  await items(contact, '#contact-timeline', 'Sam Taylor joined').waitFor();
  await sam.locator('#supervisor-text').fill('Hello, I am the team lead.');
  await sam.getByRole('button', { name: 'Send to everyone' }).click();
  await items(contact, '#contact-timeline', 'I am the team lead').waitFor();
  await items(alice, '#agent-timeline', 'I am the team lead').waitFor();
  await screenshot(contact, '41-contact-after-barge-in');
  await sam.getByRole('button', { name: 'Leave', exact: true }).click();
  await items(contact, '#contact-timeline', 'Sam Taylor left').waitFor();
  await sam.getByRole('button', { name: 'Stop monitoring' }).click();

  await alice.getByRole('button', { name: 'Finish', exact: true }).click();
  await contact.locator('#contact-new-chat').waitFor();
  assert.deepEqual([...alice.errors, ...sam.errors, ...contact.errors], []);
  await contact.context().close();
});
