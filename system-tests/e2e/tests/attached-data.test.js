// Attached data on the pages (issue 13): the company page's Order number field goes with the chat request, the agent
// sees it, edits it (a bad value is refused beside the field), still after Cancel in the workflow window, and finds it
// read-only after Mark Done. Also the offer's count in the tab title and the chat's queue in the header.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  QUEUE, acceptOffer, call, launch, newPage, onlyOfferedTo, requestChat, screenshot, setReady, signInAgent, unique,
} from '../lib/harness.js';

let browser;
before(async () => {
  browser = await launch();
  // Only agent1 will be ready, so the offer goes to her.
  await onlyOfferedTo('agent1');
});
after(async () => { await browser?.close(); });

const dataOf = async (chatId) => (await call('agent1', 'GET', `/api/chats/${encodeURIComponent(chatId)}/data`)).data;

async function saveData(agent) {
  await agent.getByRole('button', { name: 'Save data' }).click();
  await agent.locator('#data-status', { hasText: /^Saved$/ }).waitFor();
}

test('attached data from the widget is shown, edited until Mark Done and read-only after', async () => {
  const agent = await newPage(browser, 'agent1');
  const contact = await newPage(browser, 'contact');
  const contactName = unique('Dana');

  await signInAgent(agent, 'agent1');
  // In a fresh system routing may learn of the desk's connection a moment after sign-in: Ready until it takes.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await agent.getByRole('button', { name: 'Ready', exact: true }).click();
      await agent.locator('#state-ready[aria-pressed=true]').waitFor({ timeout: 2000 });
      break;
    } catch (error) {
      if (attempt === 15) throw error;
    }
  }
  agent.toasts.length = 0;
  await requestChat(contact, { name: contactName, email: 'dana@example.com', orderNumber: 'NW-10482' });

  // The offer is counted in the tab title until it is answered.
  await agent.locator('.offer', { hasText: contactName }).waitFor();
  await agent.waitForFunction(() => document.title.startsWith('(1) '));
  await acceptOffer(agent, contactName);
  await agent.waitForFunction(() => !document.title.startsWith('('));
  await agent.locator('#session-queue', { hasText: `Queue: ${QUEUE}` }).waitFor();
  const chatId = await agent.locator('#my-chats .my-chat.current').getAttribute('data-chat-id');

  // The order number the contact typed is the chat's attached data.
  await agent.getByRole('tab', { name: 'Attached data' }).click();
  const order = agent.getByLabel('Value of orderNumber');
  await order.waitFor();
  assert.equal(await order.inputValue(), 'NW-10482');
  assert.deepEqual(await dataOf(chatId), { orderNumber: 'NW-10482' });

  // Edit a value, add a key: one PATCH, visible over the API.
  await order.fill('NW-10483');
  await agent.getByRole('button', { name: 'Add a key' }).click();
  await agent.getByLabel('New key', { exact: true }).fill('carrier');
  await agent.getByLabel('Value of new key').fill('DHL');
  await saveData(agent);
  assert.deepEqual(await dataOf(chatId), { orderNumber: 'NW-10483', carrier: 'DHL' });
  await screenshot(agent, '20-agent-attached-data');

  // A value above the service's limit is refused, and the refusal shows beside that field; nothing changed.
  const carrier = agent.getByLabel('Value of carrier');
  await carrier.fill('x'.repeat(1100));
  await agent.getByRole('button', { name: 'Save data' }).click();
  await agent.locator('#data-rows tr[data-key=carrier] .field-error', { hasText: '1024' }).waitFor();
  assert.equal(await carrier.getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await dataOf(chatId), { orderNumber: 'NW-10483', carrier: 'DHL' });
  await screenshot(agent, '21-agent-attached-data-refused');
  await carrier.fill('UPS');
  await saveData(agent);

  // Finish and wrap up; Cancel in the workflow window leaves the data editable.
  await agent.getByRole('button', { name: 'Finish', exact: true }).click();
  await agent.locator('#session-state', { hasText: 'Finished' }).waitFor();
  await agent.getByRole('tab', { name: 'Disposition code' }).click();
  await agent.locator('#disposition option:nth-child(2)').waitFor({ state: 'attached' });
  await agent.locator('#disposition').selectOption({ index: 1 });
  await agent.locator('#wrap-up-status', { hasText: 'Saved' }).waitFor();
  await agent.getByRole('button', { name: 'Mark Done' }).click();
  const dialog = agent.locator('#workflow-dialog[open]');
  await dialog.waitFor(); // the packaged strategy offers workflow queues for every chat
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await agent.getByRole('tab', { name: 'Attached data' }).click();
  await order.fill('NW-10484');
  await saveData(agent);
  assert.deepEqual(await dataOf(chatId), { orderNumber: 'NW-10484', carrier: 'UPS' });

  // Mark Done: the chat leaves "My chats", the data stays in view, read-only, and the service refuses changes.
  await agent.getByRole('button', { name: 'Mark Done' }).click();
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Stop' }).click();
  await agent.locator('.toast', { hasText: 'marked as done' }).waitFor();
  await agent.locator('#data-read-only', { hasText: 'done' }).waitFor();
  assert.notEqual(await order.getAttribute('readonly'), null, 'the value can no longer be typed in');
  assert.equal(await agent.getByRole('button', { name: 'Save data' }).isVisible(), false);
  assert.equal(await agent.getByRole('button', { name: 'Add a key' }).isVisible(), false);
  assert.equal(await agent.locator('#my-chats li', { hasText: contactName }).count(), 0);
  const refused = await call('agent1', 'PATCH', `/api/chats/${encodeURIComponent(chatId)}/data`,
    { orderNumber: 'late' }, [409]);
  assert.match(refused.type, /chat-finished/);
  await screenshot(agent, '22-agent-attached-data-done');

  assert.deepEqual([...agent.errors, ...contact.errors], []);
  assert.deepEqual(agent.toasts.filter((t) => /not part|not sent|could not/i.test(t)), [], 'no refusal on the way');
  await setReady(agent, false);
});
