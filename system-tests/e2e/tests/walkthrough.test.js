// The whole walk-through, a contact page and an agent page side by side, against the real running system:
// request -> offer flashes -> accept -> greeting with the agent's name -> contact answers -> standard response ->
// page push opens a new window -> reconnect without loss or doubles -> phone icon -> finish -> notes,
// disposition, Mark Done with the workflow dialog.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, acceptOffer, items, launch, newPage, onlyOfferedTo, requestChat, screenshot, sendAgentMessage,
  sendContactMessage, setReady, signInAgent, unique,
} from '../lib/harness.js';

let browser;
before(async () => {
  browser = await launch();
  // Only agent1 will be ready, so the offer goes to her.
  await onlyOfferedTo('agent1');
});
after(async () => { await browser?.close(); });

test('a contact and an agent do the whole walk-through', async () => {
  const agent = await newPage(browser, 'agent1');
  const contact = await newPage(browser, 'contact');
  const contactName = unique('Jane');

  await signInAgent(agent, 'agent1');
  await setReady(agent, true);
  await screenshot(agent, '01-agent-ready');

  await requestChat(contact, { name: contactName, email: 'jane.doe@example.com', phone: '+33 6 12 34 56 78',
    subject: 'My order is late' });
  await screenshot(contact, '02-contact-waiting');

  await acceptOffer(agent, contactName, '03-agent-offer-flashing');

  await sendAgentMessage(agent, `Hello ${contactName}, I am Alice. How can I help?`);
  const greeting = items(contact, '#contact-timeline', 'How can I help?');
  await greeting.waitFor();
  assert.match(await greeting.locator('.author').textContent(), /Alice Martin/);
  await screenshot(contact, '04-contact-greeted');

  await contact.locator('#contact-message').pressSequentially('Order 4411');
  await agent.locator('#agent-typing', { hasText: 'typing' }).waitFor();
  await contact.locator('#contact-message').fill('');
  await sendContactMessage(contact, 'Order 4411 has not arrived, call me on +33 6 12 34 56 78');
  await items(agent, '#agent-timeline', 'has not arrived').waitFor();

  // Standard response picker.
  await agent.locator('#response-picker option:nth-child(2)').waitFor({ state: 'attached' });
  const responseId = await agent.locator('#response-picker option:nth-child(2)').getAttribute('value');
  await agent.locator('#response-picker').selectOption(responseId);
  const contactItemsBefore = await contact.locator('#contact-timeline li.message').count();
  await agent.getByRole('button', { name: 'Send response' }).click();
  await contact.locator(`#contact-timeline li.message >> nth=${contactItemsBefore}`).waitFor();

  // Insert web page: the contact's browser opens it in a new window.
  const pageUrl = `${BASE_URL}/#support`;
  const popup = contact.context().waitForEvent('page');
  await agent.getByLabel('Insert web page').check();
  await sendAgentMessage(agent, pageUrl);
  const opened = await popup;
  await opened.waitForLoadState('domcontentloaded').catch(() => {});
  assert.equal(opened.url(), pageUrl);
  await opened.close();
  for (const [page, timeline] of [[contact, '#contact-timeline'], [agent, '#agent-timeline']]) {
    const pushed = items(page, timeline, pageUrl);
    await pushed.waitFor();
    assert.equal(await pushed.locator('.text').textContent(), `Page: ${pageUrl}`, 'the pushed page shows once, as a link');
    assert.equal(await pushed.locator('a.pushed-page').getAttribute('href'), pageUrl);
  }

  // A dropped connection comes back; what was said meanwhile shows once.
  await contact.evaluate(() => window.switchboardWidget.dropConnection());
  await sendAgentMessage(agent, 'Sent while you were reconnecting');
  await items(contact, '#contact-timeline', 'while you were reconnecting').waitFor();
  await contact.waitForTimeout(1000);
  assert.equal(await items(contact, '#contact-timeline', 'while you were reconnecting').count(), 1);
  await contact.reload();
  await items(contact, '#contact-timeline', 'while you were reconnecting').waitFor();
  assert.equal(await items(contact, '#contact-timeline', 'while you were reconnecting').count(), 1,
    'a reload resumes the same chat, without doubles');

  // The phone icon beside the number in the transcript places a call.
  await screenshot(agent, '05-agent-session');
  await items(agent, '#agent-timeline', 'has not arrived').locator('.phone-icon').first().click();
  await agent.locator('.toast', { hasText: 'Calling' }).waitFor();
  // The whole phone path: session-service → chat.call.requested → telephony-adapter → telephony.call.status →
  // the chat. The local run configures no PBX, so the adapter answers at once that the call could not be made.
  await items(agent, '#agent-timeline', 'asked for a phone call').waitFor();
  await items(agent, '#agent-timeline', 'could not be made').waitFor();

  // Contact tab: details and Make a call.
  await agent.getByRole('tab', { name: 'Contact' }).click();
  await agent.locator('#contact-details', { hasText: 'jane.doe@example.com' }).waitFor();
  assert.ok((await agent.locator('#call-number option').allTextContents()).includes('+33612345678'));
  await screenshot(agent, '06-agent-contact-tab');

  // History tab: the contact's interactions, this one included (history-service learns of it through Kafka).
  await agent.getByRole('tab', { name: 'History' }).click();
  await agent.locator('#contact-history li', { hasText: 'support' }).first().waitFor();
  assert.equal(await agent.locator('#contact-history', { hasText: 'unavailable' }).count(), 0);

  await agent.getByRole('button', { name: 'Finish' }).click();
  await contact.locator('#contact-timeline .notice-ended, #contact-new-chat:visible').first().waitFor();
  assert.ok(await contact.locator('#contact-message').isDisabled(), 'the contact can no longer type');
  await screenshot(contact, '07-contact-ended');

  await agent.getByRole('tab', { name: 'Notepad' }).click();
  await agent.getByLabel('Notes').fill('Order 4411 delayed by the carrier; called back.');
  await agent.locator('#send-transcript-flag').check();
  await agent.getByRole('tab', { name: 'Disposition code' }).click();
  await agent.locator('#disposition option:nth-child(2)').waitFor({ state: 'attached' });
  await agent.locator('#disposition').selectOption({ index: 1 });
  await agent.locator('#wrap-up-status', { hasText: 'Saved' }).waitFor();

  await agent.getByRole('button', { name: 'Mark Done' }).click();
  const dialog = agent.locator('#workflow-dialog[open]');
  const doneOrDialog = await Promise.race([
    dialog.waitFor().then(() => 'dialog', () => 'neither'),
    agent.locator('.toast', { hasText: 'marked as done' }).waitFor().then(() => 'done', () => 'neither'),
  ]);
  if (doneOrDialog === 'dialog') {
    await screenshot(agent, '08-agent-workflow-dialog');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await agent.locator('.toast', { hasText: 'marked as done' }).waitFor();
  }
  assert.equal(await agent.locator('#my-chats li', { hasText: contactName }).count(), 0);
  await screenshot(agent, '09-agent-done');

  assert.deepEqual([...agent.errors, ...contact.errors], []);
  assert.deepEqual(agent.toasts.filter((t) => /not part|not sent|could not/i.test(t)), [], 'no refusal on the way');
  await setReady(agent, false);
});
