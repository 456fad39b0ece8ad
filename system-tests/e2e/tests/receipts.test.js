// Delivery and read receipts in the browsers: the ticks on one's own messages say when the other side's page got
// them (✓✓) and when its window showed them (read), on the agent's desk and in the contact's widget, and again
// exactly after a reload.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  acceptOffer, launch, newPage, onlyOfferedTo, requestChat, screenshot, sendAgentMessage, sendContactMessage,
  setReady, signInAgent, unique,
} from '../lib/harness.js';

let browser;
before(async () => {
  browser = await launch();
  await onlyOfferedTo('agent1');
});
after(async () => { await browser?.close(); });

/** A stored message (not its pending copy) of a timeline. */
const stored = (page, timeline, text) => page.locator(`${timeline} li.message[data-seq]`, { hasText: text });

test('the agent sees its message delivered, then read once the widget shows it; the contact sees the same', async () => {
  const agent = await newPage(browser, 'agent1');
  const contact = await newPage(browser, 'contact');
  const contactName = unique('Rita');

  await signInAgent(agent, 'agent1');
  await setReady(agent, true);
  await requestChat(contact, { name: contactName, email: 'rita@example.com', subject: 'Where is my tent?' });
  await acceptOffer(agent, contactName);

  // The widget is minimised: the message reaches the contact's page, which does not show it.
  await contact.getByRole('button', { name: 'Minimize chat' }).click();
  await sendAgentMessage(agent, 'Let me look at your order');
  const mine = stored(agent, '#agent-timeline', 'Let me look at your order');
  await mine.locator('.ticks-delivered').waitFor();
  assert.equal(await mine.locator('.ticks').getAttribute('aria-label'), 'Delivered');
  assert.equal(await mine.locator('.ticks').textContent(), '\u2713\u2713');
  await agent.waitForTimeout(1500);
  assert.equal(await mine.locator('.ticks-read').count(), 0, 'not read while the widget is minimised');
  await screenshot(agent, 'receipts-01-delivered');

  // Opening the widget shows it: read.
  await contact.getByRole('button', { name: 'Chat with us' }).click();
  await mine.locator('.ticks-read').waitFor();
  assert.equal(await mine.locator('.ticks').getAttribute('title'), 'Read');
  await screenshot(agent, 'receipts-02-read');

  // The contact's own message: the agent's desk shows the chat, so it is read there.
  await sendContactMessage(contact, 'Order 5521, thanks');
  const theirs = stored(contact, '#contact-timeline', 'Order 5521');
  await theirs.locator('.ticks-read').waitFor();
  assert.equal(await theirs.locator('.ticks').getAttribute('aria-label'), 'Read');
  await screenshot(contact, 'receipts-03-contact-read');
  // The agent's ticks are only on the agent's own messages, the contact's only on the contact's.
  assert.equal(await stored(agent, '#agent-timeline', 'Order 5521').locator('.ticks').count(), 0);
  assert.equal(await stored(contact, '#contact-timeline', 'Let me look').locator('.ticks').count(), 0);

  // Exact after a reload: the resume brings everyone's receipts with it.
  await contact.reload();
  await stored(contact, '#contact-timeline', 'Order 5521').locator('.ticks-read').waitFor();
  await agent.reload();
  await agent.locator('.my-chat', { hasText: contactName }).click();
  await stored(agent, '#agent-timeline', 'Let me look at your order').locator('.ticks-read').waitFor();
});
