// A conference and a transfer with a second agent (agent2, signed in in another browser context).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  QUEUE, acceptOffer, closeOpenChats, items, launch, newPage, requestChat, screenshot, sendAgentMessage,
  sendContactMessage, setAgentState, setReady, signInAgent, unique,
} from '../lib/harness.js';

let browser;
let alice;
let bruno;
before(async () => {
  browser = await launch();
  for (const other of ['agent1', 'agent2', 'agent3', 'supervisor1']) await setAgentState(other, 'NOT_READY');
  // Both agents start with free capacity and an empty "My chats", whatever earlier runs left.
  await closeOpenChats('agent1');
  await closeOpenChats('agent2');
  alice = await newPage(browser, 'agent1');
  bruno = await newPage(browser, 'agent2');
  await signInAgent(alice, 'agent1');
  await signInAgent(bruno, 'agent2');
});
after(async () => {
  await setAgentState('agent1', 'NOT_READY').catch(() => {});
  await setAgentState('agent2', 'NOT_READY').catch(() => {});
  await browser?.close();
});

async function chatWithAlice(contactName) {
  await setReady(alice, true);
  await setReady(bruno, false);
  const contact = await newPage(browser, contactName);
  await requestChat(contact, { name: contactName, email: 'sam.contact@example.com' });
  await acceptOffer(alice, contactName);
  await sendAgentMessage(alice, `Hi ${contactName}, Alice here.`);
  await items(contact, '#contact-timeline', 'Alice here').waitFor();
  return contact;
}

async function inviteBruno(kind) {
  await setReady(bruno, true);
  await alice.getByRole('button', { name: kind === 'transfer' ? 'Transfer' : 'Conference', exact: true }).click();
  await alice.locator('#target-type').selectOption('AGENT');
  await alice.locator('#target-id').fill('agent2');
  await alice.locator('#target-dialog').getByRole('button', { name: 'OK' }).click();
}

/** Disposition code, Mark Done, and Stop when the workflow dialog asks: the chat leaves the agent's list. */
async function markDone(agent, contactName) {
  await agent.locator('#session-state', { hasText: 'Finished' }).waitFor();
  await agent.getByRole('tab', { name: 'Disposition code' }).click();
  await agent.locator('#disposition option:nth-child(2)').waitFor({ state: 'attached' });
  await agent.locator('#disposition').selectOption({ index: 1 });
  // A toast lives 6 s: the previous chat's "marked as done" must not answer for this one.
  await agent.evaluate(() => document.querySelectorAll('#toasts .toast').forEach((toast) => toast.remove()));
  await agent.getByRole('button', { name: 'Mark Done' }).click();
  const dialog = agent.locator('#workflow-dialog[open]');
  const doneOrDialog = await Promise.race([
    dialog.waitFor().then(() => 'dialog', () => 'neither'),
    agent.locator('.toast', { hasText: 'marked as done' }).waitFor().then(() => 'done', () => 'neither'),
  ]);
  if (doneOrDialog === 'dialog') {
    await dialog.getByRole('button', { name: 'Stop' }).click();
    await agent.locator('.toast', { hasText: 'marked as done' }).waitFor();
  }
  await agent.locator('#my-chats li', { hasText: contactName }).waitFor({ state: 'detached' });
}

test('a second agent joins a conference and sees the conversation so far', async () => {
  const contactName = unique('Conf');
  const contact = await chatWithAlice(contactName);
  await sendContactMessage(contact, 'Can someone from billing join?');
  await items(alice, '#agent-timeline', 'from billing').waitFor();

  await inviteBruno('conference');
  await acceptOffer(bruno, contactName, '10-agent2-conference-offer');
  await items(bruno, '#agent-timeline', 'from billing').waitFor();
  await sendAgentMessage(bruno, 'Bruno from billing here.');

  const brunoSays = items(contact, '#contact-timeline', 'Bruno from billing here.');
  await brunoSays.waitFor();
  assert.match(await brunoSays.locator('.author').textContent(), /Bruno Costa/);
  await items(alice, '#agent-timeline', 'Bruno from billing here.').waitFor();
  await screenshot(contact, '11-contact-conference');

  await bruno.getByRole('button', { name: 'Leave conference' }).click();
  await bruno.locator('#my-chats li', { hasText: contactName }).waitFor({ state: 'detached' });
  await items(contact, '#contact-timeline', 'Bruno Costa left').waitFor();
  await sendAgentMessage(alice, 'Alice still here.');
  await items(contact, '#contact-timeline', 'Alice still here.').waitFor();

  await alice.getByRole('button', { name: 'Finish', exact: true }).click();
  await markDone(alice, contactName);
  assert.deepEqual([...alice.errors, ...bruno.errors, ...contact.errors], []);
  await contact.context().close();
});

test('a chat transferred to a second agent goes on with him', async () => {
  const contactName = unique('Transfer');
  const contact = await chatWithAlice(contactName);

  await inviteBruno('transfer');
  await acceptOffer(bruno, contactName, '12-agent2-transfer-offer');
  await items(bruno, '#agent-timeline', 'Alice here').waitFor();
  // The chat is Bruno's now: it leaves Alice's list.
  await alice.locator('#my-chats li', { hasText: contactName }).waitFor({ state: 'detached' });
  await sendAgentMessage(bruno, 'Bruno taking over.');

  const brunoSays = items(contact, '#contact-timeline', 'Bruno taking over.');
  await brunoSays.waitFor();
  assert.match(await brunoSays.locator('.author').textContent(), /Bruno Costa/);
  await sendContactMessage(contact, 'Thanks Bruno');
  await items(bruno, '#agent-timeline', 'Thanks Bruno').waitFor();
  await screenshot(bruno, '13-agent2-after-transfer');

  await bruno.getByRole('button', { name: 'Finish', exact: true }).click();
  await contact.locator('#contact-new-chat').waitFor();
  await markDone(bruno, contactName);
  assert.deepEqual([...alice.errors, ...bruno.errors, ...contact.errors], []);
  await contact.context().close();
});

test('a chat transferred to another queue shows that queue in the header', async () => {
  const contactName = unique('Requeue');
  const contact = await chatWithAlice(contactName);
  await alice.locator('#session-queue', { hasText: `Queue: ${QUEUE}` }).waitFor();

  // Bruno is the only ready agent with the billing skill.
  await setReady(bruno, true);
  await alice.getByRole('button', { name: 'Transfer', exact: true }).click();
  await alice.locator('#target-type').selectOption('QUEUE');
  await alice.locator('#target-id').fill('billing');
  await alice.locator('#target-dialog').getByRole('button', { name: 'OK' }).click();
  await acceptOffer(bruno, contactName);
  await bruno.locator('#session-queue', { hasText: 'Queue: billing' }).waitFor();
  await alice.locator('#my-chats li', { hasText: contactName }).waitFor({ state: 'detached' });

  await bruno.getByRole('button', { name: 'Finish', exact: true }).click();
  await markDone(bruno, contactName);
  assert.deepEqual([...alice.errors, ...bruno.errors, ...contact.errors], []);
  await contact.context().close();
});

test('a transfer that cannot happen is told to the agent, and again once after a reload', async () => {
  const contactName = unique('NoTransfer');
  const contact = await chatWithAlice(contactName);
  // Bruno is not ready: routing refuses a transfer to him at once.
  await alice.getByRole('button', { name: 'Transfer', exact: true }).click();
  await alice.locator('#target-type').selectOption('AGENT');
  await alice.locator('#target-id').fill('agent2');
  await alice.locator('#target-dialog').getByRole('button', { name: 'OK' }).click();
  const failed = alice.locator('.toast', { hasText: 'Bruno Costa is not available' });
  await failed.waitFor();
  await screenshot(alice, '14-agent1-transfer-failed');

  // A desk that was reloaded (or away when the failure came) is told again when its socket opens, once.
  await alice.reload();
  await alice.locator('#agent-name').waitFor({ state: 'visible' });
  await failed.waitFor();
  await alice.locator('#my-chats li', { hasText: contactName }).waitFor();
  assert.equal(await failed.count(), 1);

  // The chat stayed with Alice: she finishes it as usual.
  await alice.locator('#my-chats li', { hasText: contactName }).click();
  await alice.getByRole('button', { name: 'Finish', exact: true }).click();
  await markDone(alice, contactName);
  assert.deepEqual([...alice.errors, ...contact.errors], []);
  await contact.context().close();
});
