// Shared setup of the browser tests: Debian's Chromium driven by playwright-core, the system under test at
// SWITCHBOARD_URL, screenshots into system-tests/target/screenshots/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.SWITCHBOARD_URL || 'http://localhost:8080').replace(/\/$/, '');
/** Queue the test contacts ask for; the demo agents must have its skill. */
export const QUEUE = process.env.SWITCHBOARD_E2E_QUEUE || 'support';
/** Waits for asynchronous effects (Kafka hops, offers): generous, never a measure of speed. */
export const WAIT_MS = Number(process.env.SWITCHBOARD_E2E_WAIT_MS || 30000);
/** How often eventually() asks again. */
const POLL_MS = 250;

const here = path.dirname(fileURLToPath(import.meta.url));
export const SCREENSHOTS = path.resolve(here, '..', '..', 'target', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const LAPTOP = { width: 1280, height: 800 };

export async function launch() {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Fake microphone and an accepted permission prompt: web calls (voice.test.js) get audio without hardware.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
      '--no-first-run', '--disable-component-update', '--disable-sync',
      '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  });
}

/**
 * A fresh browser context (its own sessionStorage and localStorage, like a separate window of another person).
 * The pages follow the browser's language: English unless a test asks for another `locale` ('fr-FR').
 */
export async function newPage(browser, name, { locale = 'en-US' } = {}) {
  const context = await browser.newContext({ viewport: LAPTOP, baseURL: BASE_URL, locale });
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  page.errors = [];
  page.toasts = [];
  await recordToasts(page);
  page.on('pageerror', (error) => page.errors.push(`${name}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      page.errors.push(`${name}: ${message.text()}`);
    }
  });
  return page;
}

/** Every toast a page shows lands in page.toasts, so a test can tell that nothing was refused on the way. */
async function recordToasts(page) {
  await page.exposeBinding('switchboardTestToast', (source, text) => page.toasts.push(text));
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const area = document.getElementById('toasts');
      if (!area) return;
      new MutationObserver((changes) => changes.flatMap((c) => [...c.addedNodes])
        .forEach((node) => window.switchboardTestToast(node.textContent))).observe(area, { childList: true });
    });
  });
}

export async function screenshot(page, name) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

// ---- direct API calls, for setting the scene only (the tests act through the pages) ----------------------

export async function devToken(username) {
  const response = await fetch(`${BASE_URL}/auth/dev-token`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username }),
  });
  if (!response.ok) throw new Error(`dev token for ${username}: HTTP ${response.status}`);
  return (await response.json()).token;
}

/** An API call as a roster user; returns the parsed body (or null), throws on an unexpected status. */
export async function call(username, method, path, body, okStatuses = []) {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await devToken(username)}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok && !okStatuses.includes(response.status)) {
    throw new Error(`${method} ${path} as ${username}: HTTP ${response.status} ${text}`);
  }
  return text ? JSON.parse(text) : null;
}

export async function setAgentState(username, state) {
  await call(username, 'PUT', '/api/routing/agents/me/state', { state });
}

/** Everybody the local run's roster can offer chats to. */
const ROSTER = ['agent1', 'agent2', 'agent3', 'supervisor1'];

/**
 * Only `username` will be offered the next chats: the others are set NOT_READY, and `username` starts NOT_READY with
 * free capacity and an empty "My chats", whatever earlier runs left (the test sets it Ready from its desk).
 */
export async function onlyOfferedTo(username) {
  for (const other of ROSTER.filter((name) => name !== username)) await setAgentState(other, 'NOT_READY');
  await setAgentState(username, 'NOT_READY');
  await closeOpenChats(username);
}

/**
 * Closes what earlier runs (or the Java tests) left open for an agent, so that capacity and "My chats" start clean:
 * a conference guest leaves, the owner finishes and marks done (first disposition code, workflow stopped).
 */
export async function closeOpenChats(username) {
  const chats = await call(username, 'GET', '/api/chats?mine=true');
  if (!chats.length) return;
  const { codes } = await call(username, 'GET', '/api/disposition-codes');
  for (const chat of chats) {
    const base = `/api/chats/${encodeURIComponent(chat.chatId)}`;
    if (chat.ownerAgentId !== username) {
      await call(username, 'POST', `${base}/leave`, {}, [409]);
      continue;
    }
    if (chat.state === 'ACTIVE') await call(username, 'POST', `${base}/finish`, {}, [409]);
    await call(username, 'PUT', `${base}/wrap-up`, { notes: 'closed by the browser tests', sendTranscript: false,
      dispositionCode: codes[0]?.code ?? null });
    const options = await call(username, 'GET', `${base}/workflow-options`);
    await call(username, 'POST', `${base}/done`, options.applies ? { workflowDecision: 'STOP' } : {}, [409]);
  }
}

// ---- page steps --------------------------------------------------------------------------------------------

/** Opens the agent desktop and signs in as a demo roster user. */
export async function signInAgent(page, username, path = '/agent/') {
  await page.goto(path);
  await page.locator('#sign-in-user').selectOption(username);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#agent-name, #supervisor-name').first().waitFor({ state: 'visible' });
}

export async function setReady(page, ready) {
  await page.getByRole('button', { name: ready ? 'Ready' : 'Not Ready', exact: true }).click();
  await page.locator(ready ? '#state-ready[aria-pressed=true]' : '#state-not-ready[aria-pressed=true]').waitFor();
}

/**
 * On the company page: Chat with us, fill the form (orderNumber: the demo's attached field), start the chat in
 * `queue` (the form's Subject).
 */
export async function requestChat(page, { name, email, phone = '', subject = '', orderNumber = '', queue = QUEUE }) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Chat with us' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('E-mail').fill(email);
  if (phone) await page.getByLabel(/^Phone/).fill(phone);
  await page.getByLabel('Subject', { exact: true }).selectOption(queue);
  if (subject) await page.getByLabel(/Your question/).fill(subject);
  if (orderNumber) await page.getByLabel(/Order number/).fill(orderNumber);
  await page.getByRole('button', { name: 'Start chat' }).click();
  await page.locator('#conversation').waitFor({ state: 'visible' });
}

/** Waits for the flashing chat icon and accepts the offer for this contact. */
export async function acceptOffer(page, contactName, screenshotName) {
  await page.locator('#chat-icon.flashing').waitFor();
  const offer = page.locator('.offer', { hasText: contactName });
  await offer.waitFor();
  if (screenshotName) await screenshot(page, screenshotName);
  await offer.getByRole('button', { name: 'Accept' }).click();
  await page.locator('#session-title', { hasText: contactName }).waitFor();
}

export async function sendAgentMessage(page, text) {
  await page.locator('#agent-message').fill(text);
  await page.locator('#agent-message').press('Enter');
}

export async function sendContactMessage(page, text) {
  await page.locator('#contact-message').fill(text);
  await page.locator('#contact-message').press('Enter');
}

/** The timeline items of a page that contain a text. */
export function items(page, timelineSelector, text) {
  return page.locator(`${timelineSelector} li`, { hasText: text });
}

/** Polls `probe` until it answers something truthy (returned) or WAIT_MS passed (an error naming `what`). */
export async function eventually(what, probe, pollMs = POLL_MS) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => { setTimeout(resolve, pollMs); });
  }
}

export function unique(prefix) {
  return `${prefix} ${Date.now().toString(36).slice(-5)}`;
}

// ---- faults: kill -9 and restart of a service, served by BrowserTest (SWITCHBOARD_FAULTS_URL) --------------

export const FAULTS_URL = process.env.SWITCHBOARD_FAULTS_URL?.replace(/\/$/, '') || null;

/** e.g. fault('kill/session'), fault('restart/session') (answers once the service is ready again). */
export async function fault(action) {
  const response = await fetch(`${FAULTS_URL}/${action}`, { method: 'POST' });
  if (!response.ok) throw new Error(`fault ${action}: HTTP ${response.status} ${await response.text()}`);
}

/** The texts of the stored messages of a timeline (pending and failed ones left out), in the order shown. */
export async function storedTexts(page, timelineSelector) {
  return page.locator(`${timelineSelector} li.message[data-seq] .text`).allTextContents();
}
