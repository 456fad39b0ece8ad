// Business hours and "leave us a message" (issue 15): a supervisor closes the billing queue; the widget says it is
// closed and when it opens again, offers the message form instead of the chat form; the message left becomes a
// follow-up work item and the contact's acknowledgement e-mail goes out (both seen in the contact history). And the
// supervisor view's hours editor: refusals by field, saved hours, cleared hours. And a contact who is tired of
// waiting leaves a message instead.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  QUEUE as OPEN_QUEUE, call, eventually, launch, newPage, onlyOfferedTo, requestChat, screenshot, signInAgent,
  unique,
} from '../lib/harness.js';

const QUEUE = 'billing';
const HOURS = `/api/routing/queues/${QUEUE}/hours`;

let browser;
before(async () => {
  browser = await launch();
  // Open only the day after tomorrow (UTC): closed now, whatever the time of the run.
  const opening = new Date(Date.now() + 2 * 24 * 3600 * 1000);
  const day = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'][opening.getUTCDay()];
  await call('supervisor1', 'PUT', HOURS, { timeZone: 'UTC', weekly: [{ day, start: '00:00', end: '24:00' }],
    holidays: [] });
});
after(async () => {
  await call('supervisor1', 'DELETE', HOURS, undefined, [404]);
  await call('supervisor1', 'DELETE', '/api/routing/queues/sales/hours', undefined, [404]);
  await browser?.close();
});

test('a closed queue offers the message form; the message is filed for follow-up and acknowledged', async () => {
  const contact = await newPage(browser, 'contact');
  const name = unique('Nora');
  await contact.goto('/');
  await contact.getByRole('button', { name: 'Chat with us' }).click();
  await contact.getByLabel('Name').fill(name);
  await contact.getByLabel('E-mail').fill('nora@example.com');
  await contact.locator('#contact-queue').selectOption(QUEUE);

  // The form turns into the message form: no chat offered while the queue is closed.
  await contact.getByLabel('Message for us').waitFor();
  assert.equal(await contact.getByRole('button', { name: 'Start chat' }).count(), 0);
  assert.match(await contact.locator('#queue-closed').textContent(),
    /We are closed at the moment\. We open again on .+ \(your time\)\. Leave us a message/);
  await contact.getByLabel('Message for us').fill('Please send me a copy of invoice 42.');
  await screenshot(contact, '40-queue-closed-message-form');

  const sent = contact.waitForResponse((r) => r.url().endsWith('/api/offline-messages') && r.request().method() === 'POST');
  await contact.getByRole('button', { name: 'Send message' }).click();
  const { messageId } = await (await sent).json();
  await contact.locator('#message-thanks').waitFor();
  assert.match(await contact.locator('#message-thanks').textContent(), /we received your message/);
  await screenshot(contact, '41-message-left');

  const history = await eventually('the message in history with its follow-up and acknowledgement', async () => {
    const view = await call('supervisor1', 'GET', `/api/history/interactions/${encodeURIComponent(messageId)}`,
      undefined, [404]);
    return view?.transcript?.status === 'SENT' && view?.workflow?.queue ? view : null;
  });
  assert.equal(history.ending.reason, 'MESSAGE_LEFT');
  assert.equal(history.messages[0].text, 'Please send me a copy of invoice 42.');
  assert.equal(history.workflow.queue, 'follow-up');
  assert.equal(history.transcript.events.find((e) => e.event === 'SENT').recipient, 'nora@example.com');
  assert.deepEqual(contact.errors, []);
  await contact.context().close();
});

test('a supervisor edits a queue\'s hours: a bad zone is named, the hours are saved, then cleared', async () => {
  const supervisor = await newPage(browser, 'supervisor');
  await signInAgent(supervisor, 'supervisor1', '/supervisor/');
  await supervisor.locator('#hours-queue').selectOption('sales');
  await supervisor.locator('#hours-form[aria-busy=false]').waitFor();
  await supervisor.getByLabel('Time zone').fill('Mars/Olympus');
  await supervisor.getByLabel('Monday').fill('9:00-12:30, 14:00-18:00');
  await supervisor.getByRole('button', { name: 'Save hours' }).click();
  await supervisor.locator('#hours-status', { hasText: /timeZone: unknown time zone 'Mars\/Olympus'/ }).waitFor();
  assert.equal((await call('supervisor1', 'GET', '/api/routing/queues/sales/hours')).timeZone, null,
    'nothing changed');

  await supervisor.getByLabel('Time zone').fill('Europe/Paris');
  await supervisor.getByLabel('Holidays').fill('2026-12-25');
  await supervisor.getByRole('button', { name: 'Save hours' }).click();
  await supervisor.locator('#hours-status', { hasText: 'Saved the hours of sales.' }).waitFor();
  assert.equal(await supervisor.getByLabel('Monday').inputValue(), '09:00-12:30, 14:00-18:00');
  const saved = await call('supervisor1', 'GET', '/api/routing/queues/sales/hours');
  assert.deepEqual(saved, { timeZone: 'Europe/Paris', holidays: ['2026-12-25'], weekly: [
    { day: 'MONDAY', start: '09:00', end: '12:30' }, { day: 'MONDAY', start: '14:00', end: '18:00' }] });
  await screenshot(supervisor, '42-supervisor-hours-editor');

  await supervisor.getByRole('button', { name: 'Clear (always open)' }).click();
  await supervisor.locator('#hours-status', { hasText: 'always open' }).waitFor();
  assert.equal((await call('supervisor1', 'GET', '/api/routing/queues/sales/availability')).open, true);
  assert.deepEqual(supervisor.errors, []);
  await supervisor.context().close();
});

test('while waiting, the contact leaves a message instead: the chat is given up and the message sent', async () => {
  await onlyOfferedTo('agent1');
  const contact = await newPage(browser, 'contact');
  const name = unique('Omar');
  await requestChat(contact, { name, email: 'omar@example.com' });
  const instead = contact.getByRole('button', { name: 'Leave a message instead' });
  await instead.click();

  await contact.getByLabel('Message for us').waitFor();
  assert.equal(await contact.getByLabel('Name').inputValue(), name, 'the chat request\'s details are kept');
  assert.equal(await contact.locator('#conversation').isHidden(), true);
  await contact.getByLabel('Message for us').fill('No rush, please answer by e-mail.');
  const sent = contact.waitForResponse((r) => r.url().endsWith('/api/offline-messages') && r.request().method() === 'POST');
  await contact.getByRole('button', { name: 'Send message' }).click();
  const { messageId } = await (await sent).json();
  await contact.locator('#message-thanks').waitFor();

  const history = await eventually('the message in history', async () => {
    const view = await call('supervisor1', 'GET', `/api/history/interactions/${encodeURIComponent(messageId)}`,
      undefined, [404]);
    return view?.messages?.length ? view : null;
  });
  assert.equal(history.queue, OPEN_QUEUE);
  assert.equal(history.contact.name, name);
  assert.deepEqual(contact.errors, []);
  await contact.context().close();
});
