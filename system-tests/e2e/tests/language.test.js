// The pages in French and English, against the real running system: a contact and an agent whose browsers prefer
// French see French labels and notices said in French on both sides; the chat is held in the page's language; the
// agent accepts offers, sends and moves between chats from the keyboard, and finds the shortcuts in the help; then
// both switch to English, which the pages remember.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  QUEUE, closeOpenChats, eventually, items, launch, newPage, onlyOfferedTo, requestChat, screenshot, setAgentState,
  unique,
} from '../lib/harness.js';

const NNBSP = '\u202f'; // French puts a narrow no-break space before a colon

let browser;
before(async () => {
  browser = await launch();
  await onlyOfferedTo('agent1');
});
after(async () => {
  await closeOpenChats('agent1').catch(() => {});
  await setAgentState('agent1', 'NOT_READY').catch(() => {});
  await browser?.close();
});

/** The contact form, filled in French. */
async function requestChatInFrench(page, name) {
  await page.goto('/');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  await page.getByRole('button', { name: 'Discuter avec nous' }).click();
  await page.getByLabel('Nom', { exact: true }).fill(name);
  await page.getByLabel('Adresse e-mail').fill('claire.dupont@example.fr');
  await page.getByLabel('Sujet', { exact: true }).selectOption(QUEUE);
  assert.equal(await page.locator('#contact-language').inputValue(), 'fr', 'the chat is asked in the page\'s language');
  await page.getByRole('button', { name: 'Commencer la discussion' }).click();
  await page.locator('#conversation').waitFor({ state: 'visible' });
}

/** Waits for the offer of this contact, then accepts the oldest one with Alt+Shift+A. */
async function acceptByKeyboard(page, contactName) {
  await page.locator('.offer', { hasText: contactName }).waitFor();
  await page.keyboard.press('Alt+Shift+A');
  await page.locator('#session-title', { hasText: contactName }).waitFor();
}

test('a chat in French on both sides, driven from the keyboard, then in English', async () => {
  const agent = await newPage(browser, 'agent1', { locale: 'fr-FR' });
  const contact = await newPage(browser, 'contact', { locale: 'fr-FR' });
  const claire = unique('Claire');

  // The desk in French, from the sign-in on.
  await agent.goto('/agent/');
  await agent.locator('#sign-in-user').selectOption('agent1');
  await agent.getByRole('button', { name: 'Se connecter' }).click();
  await agent.locator('#agent-name').waitFor({ state: 'visible' });
  assert.equal(await agent.evaluate(() => document.documentElement.lang), 'fr');
  await agent.getByRole('button', { name: 'Disponible', exact: true }).click();
  await agent.locator('#state-ready[aria-pressed=true]').waitFor();
  await agent.getByRole('heading', { name: 'Mes discussions' }).waitFor();

  await requestChatInFrench(contact, claire);
  await items(contact, '#contact-timeline', `${claire} a rejoint la discussion`).waitFor();

  await agent.locator('#chat-icon.flashing').waitFor();
  await agent.locator('#offer-count', { hasText: '1 proposition de discussion' }).waitFor();
  await eventually('the tab title counting, in French',
    async () => /^\(1\) Switchboard — Poste conseiller$/.test(await agent.title()));
  await screenshot(agent, 'fr-01-agent-offer');
  await acceptByKeyboard(agent, claire);

  // Notices said in French on both sides.
  await items(agent, '#agent-timeline', 'Alice Martin a rejoint la discussion').waitFor();
  await items(contact, '#contact-timeline', 'Alice Martin a rejoint la discussion').waitFor();
  // The notice can come over the socket before the chat's details: the state shows once they are read.
  await agent.locator('#session-state', { hasText: /^En cours$/ }).waitFor();

  // Shift+Enter adds a line, Enter sends.
  const box = agent.locator('#agent-message');
  await box.fill('Bonjour,');
  await box.press('Shift+Enter');
  await box.pressSequentially('que puis-je faire pour vous ?');
  assert.equal(await box.inputValue(), 'Bonjour,\nque puis-je faire pour vous ?');
  await box.press('Enter');
  const greeting = items(contact, '#contact-timeline', 'que puis-je faire');
  await greeting.waitFor();
  assert.equal(await greeting.locator('.author').textContent(), `Alice Martin${NNBSP}:`);
  assert.equal(await greeting.locator('.text').innerText(), 'Bonjour,\nque puis-je faire pour vous ?', 'two lines');
  assert.equal(await box.inputValue(), '', 'sent: the box is empty again');
  assert.equal(await contact.locator('#contact-message').getAttribute('placeholder'),
    'Écrivez votre message — Entrée envoie, Maj+Entrée ajoute une ligne');
  await contact.getByRole('button', { name: 'Envoyer', exact: true }).waitFor();
  await screenshot(contact, 'fr-02-contact-greeted');

  // The chat's language is the contact page's.
  await agent.getByRole('tab', { name: 'Contact' }).click();
  await agent.locator('#contact-details dt', { hasText: 'Langue' }).waitFor();
  await agent.locator('#contact-details dd', { hasText: /^fr$/ }).waitFor();
  await agent.getByRole('tab', { name: 'Conversation' }).click();

  // "?" outside a text field shows the shortcuts, in French.
  await agent.keyboard.press('?');
  const help = agent.locator('#shortcuts-dialog[open]');
  await help.waitFor();
  assert.match(await help.textContent(), /Raccourcis clavier/);
  assert.match(await help.textContent(), /Alt\+Maj\+A/);
  await screenshot(agent, 'fr-03-agent-shortcuts');
  await agent.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });

  // A second chat, accepted from the keyboard while the agent is in the message box; Alt+arrows move between them.
  const bob = unique('Bob');
  const english = await newPage(browser, 'contact2');
  await requestChat(english, { name: bob, email: 'bob@example.com' });
  await box.focus();
  await acceptByKeyboard(agent, bob);
  await items(agent, '#agent-timeline', `${bob} a rejoint la discussion`).waitFor();
  await box.press('Alt+ArrowUp');
  await agent.locator('#session-title', { hasText: claire }).waitFor();
  await agent.keyboard.press('Alt+ArrowDown');
  await agent.locator('#session-title', { hasText: bob }).waitFor();
  await items(english, '#contact-timeline', 'Alice Martin joined the chat').waitFor();

  // Both switch to English: what is on screen changes at once, and the choice stays after a reload.
  await agent.getByRole('button', { name: 'EN', exact: true }).click();
  assert.equal(await agent.evaluate(() => document.documentElement.lang), 'en');
  await agent.getByRole('button', { name: 'Ready', exact: true }).waitFor();
  await agent.getByRole('heading', { name: 'My chats' }).waitFor();
  await items(agent, '#agent-timeline', `${bob} joined the chat`).waitFor();
  await agent.locator('#session-state', { hasText: /^Active$/ }).waitFor();
  assert.match(await agent.title(), /Switchboard — Agent desktop$/);
  await screenshot(agent, 'en-04-agent-switched');

  await contact.getByRole('button', { name: 'EN', exact: true }).click();
  await items(contact, '#contact-timeline', 'Alice Martin joined the chat').waitFor();
  assert.equal(await greeting.locator('.author').textContent(), 'Alice Martin:');
  await contact.getByRole('button', { name: 'Send', exact: true }).waitFor();
  assert.equal(await contact.locator('#contact-language').inputValue(), 'en', 'the form follows the page');
  await contact.reload();
  await items(contact, '#contact-timeline', 'Alice Martin joined the chat').waitFor();
  assert.equal(await contact.evaluate(() => document.documentElement.lang), 'en', 'remembered after a reload');
  await screenshot(contact, 'en-05-contact-switched');

  assert.deepEqual([...agent.errors, ...contact.errors, ...english.errors], []);
  assert.deepEqual(agent.toasts.filter((t) => /could not|impossible|not sent|non envoyé/i.test(t)), [],
    'nothing refused on the way');
});
