// The pages themselves, through the gateway: they load under the CSP without errors, the dev sign-in works and
// the contact form refuses bad input before anything is sent. Needs the gateway only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, newPage, screenshot, signInAgent } from '../lib/harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('every page is served with a strict CSP and runs without script errors', async () => {
  for (const path of ['/', '/agent/', '/supervisor/']) {
    const page = await newPage(browser, path);
    const response = await page.goto(path);
    assert.equal(response.status(), 200, path);
    assert.match(response.headers()['content-security-policy'], /default-src 'self'/);
    assert.equal(response.headers()['x-content-type-options'], 'nosniff');
    await page.waitForLoadState('networkidle').catch(() => {});
    assert.deepEqual(page.errors, [], `errors on ${path}`);
    await page.context().close();
  }
});

test('the contact form refuses a missing name and a bad e-mail address, with a message', async () => {
  const page = await newPage(browser, 'contact');
  let chatRequests = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/chats') && request.method() === 'POST') chatRequests += 1;
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'Chat with us' }).click();
  await page.getByLabel('E-mail').fill('not-an-address');
  await page.getByRole('button', { name: 'Start chat' }).click();
  const error = page.locator('#request-error');
  await error.waitFor();
  assert.match(await error.textContent(), /name/);
  assert.match(await error.textContent(), /e-mail/);
  assert.equal(await page.getByLabel('E-mail').getAttribute('aria-invalid'), 'true');
  assert.equal(chatRequests, 0, 'nothing is sent while the form is invalid');
  await screenshot(page, '00-contact-form-validation');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an agent signs in with the development login and sees the desk', async () => {
  const page = await newPage(browser, 'agent');
  await signInAgent(page, 'agent3');
  assert.equal(await page.locator('#agent-name').textContent(), 'Chloé Durand');
  assert.ok(await page.evaluate(() => sessionStorage.getItem('switchboard.agent.token')), 'token kept per tab');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.locator('#sign-in-user').waitFor();
  await page.context().close();
});

test('the supervisor sign-in offers only supervisors', async () => {
  const page = await newPage(browser, 'supervisor');
  await page.goto('/supervisor/');
  await page.locator('#sign-in-user option').first().waitFor({ state: 'attached' });
  const options = await page.locator('#sign-in-user option').allTextContents();
  assert.deepEqual(options, ['Sam Taylor (supervisor1)']);
  await page.context().close();
});

test(`text from users is never interpreted as HTML (${BASE_URL})`, async () => {
  const page = await newPage(browser, 'xss');
  await page.goto('/');
  const rendered = await page.evaluate(async () => {
    const { Timeline } = await import('/js/timeline.js');
    const list = document.createElement('ol');
    const timeline = new Timeline(list, { viewerRole: 'AGENT', onCall: () => {} });
    timeline.add({ seq: 1, kind: 'MESSAGE', authorName: '<b>Eve</b>', authorRole: 'CONTACT',
      text: '<img src=x onerror=alert(1)> call +33 6 12 34 56 78', phoneNumbers: ['+33612345678'] });
    timeline.add({ seq: 1, kind: 'MESSAGE', authorName: 'dup', authorRole: 'CONTACT', text: 'duplicate' });
    timeline.add({ seq: 2, kind: 'MESSAGE', authorName: 'A', authorRole: 'AGENT', messageKind: 'PAGE_PUSH',
      url: 'javascript:alert(1)' });
    return { imgs: list.querySelectorAll('img').length, links: list.querySelectorAll('a').length,
      phones: [...list.querySelectorAll('.phone-icon')].map((b) => b.dataset.number), count: list.children.length,
      text: list.textContent };
  });
  assert.equal(rendered.imgs, 0);
  assert.equal(rendered.links, 0, 'a javascript: page is not a link');
  assert.deepEqual(rendered.phones, ['+33612345678']);
  assert.equal(rendered.count, 2, 'an item seen twice is shown once');
  assert.match(rendered.text, /<b>Eve<\/b>:/);
  await page.context().close();
});
