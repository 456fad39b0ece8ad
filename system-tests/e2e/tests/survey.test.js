// The satisfaction survey (issue 15): when the agent finishes a chat of a queue that asks for one (the local run's
// sales queue), the contact's widget asks for a score and a comment; a missing score is named, the answer is taken
// once (a reload shows the thanks, not the form again), and it reaches the contact history and the supervisor's
// figures of that queue and that agent.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  acceptOffer, call, closeOpenChats, eventually, items, launch, newPage, onlyOfferedTo, requestChat, screenshot,
  sendAgentMessage, setReady, signInAgent, unique,
} from '../lib/harness.js';

const QUEUE = 'sales';
const AGENT = 'agent1';
const DAY_MS = 24 * 3600 * 1000;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Surveys counted in the figures around today: for the queue, and for the agent. */
async function surveyCounts() {
  const from = new Date(Date.now() - DAY_MS).toISOString();
  const to = new Date(Date.now() + DAY_MS).toISOString();
  const report = await call('supervisor1', 'GET',
    `/api/history/figures?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  const sum = (rows) => rows.reduce((total, row) => total + row.surveys, 0);
  return {
    queue: sum(report.rows.filter((row) => row.queue === QUEUE)),
    agent: sum(report.agents.filter((row) => row.agentId === AGENT)),
  };
}

test('after the end the contact rates the chat once; the answer is in history and in the figures', async () => {
  const before = await surveyCounts();
  await onlyOfferedTo(AGENT);
  const agent = await newPage(browser, 'agent');
  await signInAgent(agent, AGENT);
  await setReady(agent, true);

  const contact = await newPage(browser, 'contact');
  const name = unique('Sasha');
  const requested = contact.waitForResponse((r) => r.url().endsWith('/api/chats') && r.request().method() === 'POST');
  await requestChat(contact, { name, email: 'sasha@example.com', queue: QUEUE });
  const { chatId } = await (await requested).json();
  await acceptOffer(agent, name);
  await sendAgentMessage(agent, 'Your order ships tomorrow.');
  await items(contact, '#contact-timeline', 'Your order ships tomorrow.').waitFor();
  assert.equal(await contact.locator('#contact-survey').isHidden(), true, 'no survey while the chat goes on');

  await agent.getByRole('button', { name: 'Finish' }).click();
  const survey = contact.locator('#contact-survey');
  await survey.waitFor({ state: 'visible' });
  await survey.getByRole('button', { name: 'Send feedback' }).click();
  assert.equal(await contact.locator('#survey-error').textContent(), 'Please choose a score from 1 to 5.');

  await survey.locator('input[name=score][value="4"]').check();
  await contact.getByLabel('Anything to add?').fill('Quick and friendly.');
  await screenshot(contact, '50-contact-survey');
  await survey.getByRole('button', { name: 'Send feedback' }).click();
  await contact.locator('#survey-thanks').waitFor({ state: 'visible' });
  assert.equal(await survey.isHidden(), true);

  // Once: the page reloaded remembers the answer and does not ask again.
  await contact.reload();
  await contact.locator('#survey-thanks').waitFor({ state: 'visible' });
  assert.equal(await contact.locator('#contact-survey').isHidden(), true);
  await screenshot(contact, '51-contact-survey-thanks');

  await closeOpenChats(AGENT); // wrap-up and Mark Done, so the interaction is complete in history
  const view = await eventually('the survey in the contact history', async () => {
    const found = await call('supervisor1', 'GET', `/api/history/interactions/${encodeURIComponent(chatId)}`,
      undefined, [404]);
    return found?.survey ? found : null;
  });
  assert.equal(view.survey.score, 4);
  assert.equal(view.survey.comment, 'Quick and friendly.');
  assert.equal(view.survey.queue, QUEUE);
  assert.deepEqual(view.survey.agents, [AGENT]);

  const counted = await eventually('the survey in the figures', async () => {
    const now = await surveyCounts();
    return now.queue > before.queue ? now : null;
  });
  assert.deepEqual(counted, { queue: before.queue + 1, agent: before.agent + 1 });
  assert.deepEqual(contact.errors, []);
  assert.deepEqual(agent.errors, []);
  await contact.context().close();
  await agent.context().close();
});
