// Nothing typed is lost: session-service is killed in the middle of a conversation, then the database goes away for
// a while; both sides type meanwhile and see their messages as pending; once it is back every message arrives
// exactly once and in order on the other side.
// A message refused for good shows as failed with its text kept, and the next ones still go. Needs BrowserTest's fault control
// (SWITCHBOARD_FAULTS_URL); skipped without it. And a renewed token opens the sockets again without loss or doubles.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FAULTS_URL, acceptOffer, closeOpenChats, fault, items, launch, newPage, onlyOfferedTo, requestChat, screenshot,
  sendAgentMessage, sendContactMessage, setAgentState, setReady, signInAgent, storedTexts, unique,
} from '../lib/harness.js';

// session-service starts again (JVM, database, Kafka) and the pages come back after their back-off (up to 30 s).
const RECOVERY = { timeout: 180000 };
let browser;

before(async () => {
  if (!FAULTS_URL) return;
  browser = await launch();
  await onlyOfferedTo('agent1');
});
after(async () => {
  await browser?.close();
  await closeOpenChats('agent1');
});

const only = (texts, wanted) => texts.filter((t) => wanted.some((w) => t.includes(w)));

test('messages typed while session-service or its database is down are kept, shown pending, then delivered once and in order',
  { skip: !FAULTS_URL && 'needs SWITCHBOARD_FAULTS_URL (run by BrowserTest)' }, async () => {
    const agent = await newPage(browser, 'agent1');
    const contact = await newPage(browser, 'contact');
    const contactName = unique('Olga');
    await signInAgent(agent, 'agent1');
    await setReady(agent, true);
    await requestChat(contact, { name: contactName, email: 'olga@example.com' });
    await acceptOffer(agent, contactName);
    await sendAgentMessage(agent, `Hello ${contactName}`);
    await items(contact, '#contact-timeline', `Hello ${contactName}`).waitFor();

    await fault('kill/session');
    await contact.locator('#connection-status', { hasText: 'reconnecting' }).waitFor();
    await agent.locator('#desk-connection', { hasText: 'Reconnecting' }).waitFor();

    const fromContact = ['C1 typed while the service is down', 'C2 still down', 'C3 the last one'];
    const fromAgent = ['A1 I am still here', 'A2 one moment please'];
    await sendContactMessage(contact, fromContact[0]);
    await sendAgentMessage(agent, fromAgent[0]);
    await sendContactMessage(contact, fromContact[1]);
    await sendAgentMessage(agent, fromAgent[1]);
    await sendContactMessage(contact, fromContact[2]);
    assert.deepEqual(await contact.locator('#contact-timeline li.pending .text').allTextContents(), fromContact,
      'the contact sees what it typed, pending, in order');
    assert.deepEqual(await agent.locator('#agent-timeline li.pending .text').allTextContents(), fromAgent,
      'the agent sees what she typed, pending, in order');
    // A reload meanwhile keeps them (sessionStorage), still pending and in order.
    await contact.reload();
    await contact.locator('#contact-timeline li.pending').nth(fromContact.length - 1).waitFor();
    assert.deepEqual(await contact.locator('#contact-timeline li.pending .text').allTextContents(), fromContact,
      'after a reload too');
    await screenshot(contact, '20-contact-pending-during-outage');
    await screenshot(agent, '21-agent-pending-during-outage');

    await fault('restart/session');
    const noPending = (selector) => !document.querySelector(`${selector} li.pending`);
    await contact.waitForFunction(noPending, '#contact-timeline', RECOVERY);
    await agent.waitForFunction(noPending, '#agent-timeline', RECOVERY);

    // Typed after the outage: it comes after the earlier ones.
    const later = 'C4 typed after the service came back';
    await sendContactMessage(contact, later);
    await items(agent, '#agent-timeline', later).waitFor(RECOVERY);
    await items(contact, '#contact-timeline', later).and(contact.locator('[data-seq]')).waitFor(RECOVERY);
    await items(contact, '#contact-timeline', fromAgent[1]).waitFor(RECOVERY);

    const all = [...fromContact, later];
    assert.deepEqual(only(await storedTexts(agent, '#agent-timeline'), all), all,
      'the agent got each of the contact\'s messages once, in order');
    assert.deepEqual(only(await storedTexts(contact, '#contact-timeline'), fromAgent), fromAgent,
      'the contact got each of the agent\'s messages once, in order');
    assert.deepEqual(only(await storedTexts(contact, '#contact-timeline'), all), all, 'its own ones once too');
    assert.deepEqual(only(await storedTexts(agent, '#agent-timeline'), fromAgent), fromAgent);
    assert.equal(await contact.locator('#contact-timeline li.failed').count(), 0);
    await screenshot(agent, '22-agent-after-outage');

    // The database away for a while: the sockets stay open, session-service answers `unavailable`, the messages wait
    // ("Waiting to send…") and go again by themselves, with the same clientMessageId, once it is back.
    const duringCut = ['C5 while the database is away', 'C6 also while it is away'];
    const agentDuringCut = 'A3 while the database is away';
    await fault('cut/database');
    try {
      await sendContactMessage(contact, duringCut[0]);
      await sendContactMessage(contact, duringCut[1]);
      await sendAgentMessage(agent, agentDuringCut);
      await contact.locator('#contact-timeline li.pending .delivery', { hasText: 'Waiting to send' }).waitFor();
      await agent.locator('#agent-timeline li.pending .delivery', { hasText: 'Waiting to send' }).waitFor();
      assert.deepEqual(await contact.locator('#contact-timeline li.pending .text').allTextContents(), duringCut);
      await screenshot(contact, '24-contact-waiting-for-database');
    } finally {
      await fault('restore/database');
    }
    await contact.waitForFunction(noPending, '#contact-timeline', RECOVERY);
    await agent.waitForFunction(noPending, '#agent-timeline', RECOVERY);
    await items(agent, '#agent-timeline', duringCut[1]).waitFor(RECOVERY);
    await items(contact, '#contact-timeline', agentDuringCut).and(contact.locator('[data-seq]')).waitFor(RECOVERY);
    const everything = [...all, ...duringCut];
    assert.deepEqual(only(await storedTexts(agent, '#agent-timeline'), everything), everything,
      'after the database outage too: each of the contact\'s messages once, in order');
    assert.deepEqual(only(await storedTexts(contact, '#contact-timeline'), [...fromAgent, agentDuringCut]),
      [...fromAgent, agentDuringCut]);

    // Refused for good (a page address with a password in it): failed, its text kept, and Edit puts it back in the
    // message box; nothing of it reaches the contact.
    const badPage = 'https://user:secret@example.com/offers';
    await agent.getByLabel('Insert web page').check();
    await sendAgentMessage(agent, badPage);
    const failed = agent.locator('#agent-timeline li.failed');
    await failed.waitFor();
    assert.match(await failed.locator('.text').textContent(), /user:secret@example\.com/);
    assert.match(await failed.locator('.delivery').textContent(), /Not sent: .*password/);
    await screenshot(agent, '23-agent-failed-message');
    await failed.getByRole('button', { name: 'Edit' }).click();
    assert.equal(await agent.locator('#agent-message').inputValue(), badPage);
    assert.equal(await failed.count(), 0);
    await agent.getByLabel('Insert web page').uncheck();
    await sendAgentMessage(agent, 'A4 after the refused one');
    await items(contact, '#contact-timeline', 'A4 after the refused one').waitFor();
    assert.equal(await items(contact, '#contact-timeline', 'example.com/offers').count(), 0);

    assert.deepEqual([...contact.errors, ...agent.errors], []);
    await contact.context().close();
    await agent.context().close();
  });

test('a renewed token opens the sockets again without losing or doubling anything', async () => {
  browser ??= await launch();
  for (const other of ['agent2', 'agent3', 'supervisor1']) await setAgentState(other, 'NOT_READY');
  await closeOpenChats('agent1'); // the outage scene's chat, if it ran
  const agent = await newPage(browser, 'agent1');
  const contact = await newPage(browser, 'contact');
  const contactName = unique('Piet');
  await signInAgent(agent, 'agent1');
  await setReady(agent, true);
  await requestChat(contact, { name: contactName, email: 'piet@example.com' });
  await acceptOffer(agent, contactName);
  await sendAgentMessage(agent, 'R1 before the renewal');
  await items(contact, '#contact-timeline', 'R1 before the renewal').waitFor();

  const contactToken = () => contact.evaluate(
    () => JSON.parse(sessionStorage.getItem('switchboard.contact.chat')).contactToken);
  const agentToken = () => agent.evaluate(() => sessionStorage.getItem('switchboard.agent.token'));
  const [contactBefore, agentBefore] = [await contactToken(), await agentToken()];
  await contact.evaluate(() => window.switchboardWidget.renewToken());
  await agent.evaluate(() => window.switchboardDesk.renewToken());
  assert.notEqual(await contactToken(), contactBefore, 'the contact got a fresh token');
  assert.notEqual(await agentToken(), agentBefore, 'the agent got a fresh token');

  await sendContactMessage(contact, 'R2 after the renewal');
  await sendAgentMessage(agent, 'R3 after the renewal');
  await items(agent, '#agent-timeline', 'R2 after the renewal').and(agent.locator('[data-seq]')).waitFor();
  await items(contact, '#contact-timeline', 'R3 after the renewal').and(contact.locator('[data-seq]')).waitFor();
  await contact.waitForTimeout(1000);
  // Each once; in order per sender (the two senders' messages may interleave either way).
  for (const [page, timeline] of [[contact, '#contact-timeline'], [agent, '#agent-timeline']]) {
    const texts = await storedTexts(page, timeline);
    assert.deepEqual(only(texts, ['R1', 'R3']), ['R1 before the renewal', 'R3 after the renewal'], timeline);
    assert.deepEqual(only(texts, ['R2']), ['R2 after the renewal'], timeline);
  }
  assert.deepEqual([...contact.errors, ...agent.errors], []);
  await contact.context().close();
  await agent.context().close();
});
