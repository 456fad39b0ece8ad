// Files in a chat (js/file-model.js): only raster images are previewed, sizes read in units, refusals say why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filePath, isPreviewable, refusalKey, sizeLabel }
  from '../../main/resources/META-INF/resources/js/file-model.js';

test('raster images are previewed; SVG, PDF and text never are', () => {
  for (const type of ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'IMAGE/PNG']) {
    assert.equal(isPreviewable(type), true, type);
  }
  for (const type of ['image/svg+xml', 'application/pdf', 'text/plain', 'text/html', '', undefined]) {
    assert.equal(isPreviewable(type), false, String(type));
  }
});

test('a size reads in bytes, whole KB or MB with one decimal', () => {
  assert.deepEqual(sizeLabel(512), { key: 'file.size.bytes', params: { n: 512 } });
  assert.deepEqual(sizeLabel(48213), { key: 'file.size.kb', params: { n: 47 } });
  assert.deepEqual(sizeLabel(5 * 1024 * 1024 + 300 * 1024), { key: 'file.size.mb', params: { n: 5.3 } });
});

test('each refusal of an upload has its own words', () => {
  const problem = (slug) => ({ type: `https://switchboard.dev/problems/${slug}` });
  assert.equal(refusalKey(413, problem('too-large')), 'file.error.tooLarge');
  assert.equal(refusalKey(415, problem('attachment-type-not-allowed')), 'file.error.type');
  assert.equal(refusalKey(422, problem('attachment-infected')), 'file.error.infected');
  assert.equal(refusalKey(409, problem('chat-finished')), 'file.error.ended');
  assert.equal(refusalKey(403, problem('forbidden')), 'file.error.forbidden');
  assert.equal(refusalKey(429, problem('rate-limited')), 'file.error.rateLimited');
  assert.equal(refusalKey(503, problem('attachment-scan-unavailable')), 'file.error.unavailable');
  assert.equal(refusalKey(undefined, null), 'file.error.failed', 'a network failure');
});

test('the download path names the chat and the file, escaped', () => {
  assert.equal(filePath('c 1', 'f/2'), '/api/chats/c%201/attachments/f%2F2');
});
