// Files both ways: the contact attaches an image from the widget (the paperclip), the agent sees its preview and
// downloads the same bytes; the agent sends a PDF from the desk, the contact sees it and downloads it; a page renamed
// .png is refused with words that say why. History lists both files. No page breaks its Content-Security-Policy on
// the way (previews are blob: images).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  acceptOffer, call, eventually, items, launch, newPage, onlyOfferedTo, requestChat, screenshot, sendAgentMessage,
  setAgentState, setReady, signInAgent, unique,
} from '../lib/harness.js';

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'ascii');
const PAGE = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>', 'utf8');

let browser;
let alice;
before(async () => {
  browser = await launch();
  await onlyOfferedTo('agent1');
  alice = await newPage(browser, 'agent1');
  await signInAgent(alice, 'agent1');
});
after(async () => {
  await setAgentState('agent1', 'NOT_READY').catch(() => {});
  await browser?.close();
});

/** Chooses a file with the page's paperclip button, as a person would. */
async function attach(page, file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Attach a file' }).click()]);
  await chooser.setFiles(file);
}

/** Clicks a file item's Download and reads what the browser saved. */
async function download(page, item) {
  const [saved] = await Promise.all([page.waitForEvent('download'),
    item.getByRole('button', { name: /^Download/ }).click()]);
  return { name: saved.suggestedFilename(), bytes: await readFile(await saved.path()) };
}

test('an image from the contact is previewed and downloaded by the agent; the agent\'s PDF reaches the contact',
  async () => {
    const contactName = unique('Files');
    await setReady(alice, true);
    const contact = await newPage(browser, contactName);
    await requestChat(contact, { name: contactName, email: 'files.contact@example.com' });
    await acceptOffer(alice, contactName);
    await sendAgentMessage(alice, 'Send me a photo of the label, please.');
    await items(contact, '#contact-timeline', 'photo of the label').waitFor();
    const chatId = await contact.evaluate(() => JSON.parse(sessionStorage.getItem('switchboard.contact.chat')).chatId);

    await attach(contact, { name: 'label.png', mimeType: 'image/png', buffer: PNG });
    const mine = items(contact, '#contact-timeline', 'label.png');
    await mine.waitFor();
    const atAgent = items(alice, '#agent-timeline', 'label.png');
    await atAgent.waitFor();
    // The preview is the image's own bytes through a blob: URL, decoded by the browser.
    const preview = atAgent.locator('img.file-preview');
    await eventually('the preview decoded', () => preview.evaluate((img) => img.complete && img.naturalWidth === 1
      && img.src.startsWith('blob:')));
    assert.equal(await preview.getAttribute('alt'), 'label.png');
    await screenshot(alice, '60-agent-sees-the-contacts-image');
    const fromContact = await download(alice, atAgent);
    assert.equal(fromContact.name, 'label.png');
    assert.deepEqual(fromContact.bytes, PNG);

    await attach(alice, { name: 'returns form.pdf', mimeType: 'application/pdf', buffer: PDF });
    const pdf = items(contact, '#contact-timeline', 'returns form.pdf');
    await pdf.waitFor();
    assert.equal(await pdf.locator('img').count(), 0, 'a PDF is never previewed');
    await screenshot(contact, '61-contact-gets-the-agents-pdf');
    const fromAgent = await download(contact, pdf);
    assert.equal(fromAgent.name, 'returns form.pdf');
    assert.deepEqual(fromAgent.bytes, PDF);

    // A page dressed as an image is refused, and the widget says why; nothing shows in the timeline.
    await attach(contact, { name: 'invoice.png', mimeType: 'image/png', buffer: PAGE });
    await contact.locator('#connection-status', { hasText: 'invoice.png cannot be sent' }).waitFor();
    assert.equal(await items(contact, '#contact-timeline', 'invoice.png').count(), 0);

    const history = await eventually('the files in history', async () => {
      const view = await call('supervisor1', 'GET', `/api/history/interactions/${encodeURIComponent(chatId)}`,
        undefined, [404]);
      return view?.attachments?.length === 2 ? view : null;
    });
    assert.deepEqual(history.attachments.map((a) => [a.name, a.contentType, a.authorRole]),
      [['label.png', 'image/png', 'CONTACT'], ['returns form.pdf', 'application/pdf', 'AGENT']]);

    assert.deepEqual([...alice.errors, ...contact.errors], []);
    await contact.context().close();
  });
