// One draft per chat (agent/composer.js, swapDraft): what was typed for a chat stays with it when the agent switches,
// and never goes to another chat. The message box and the check box are stand-ins; the methods are ChatSession's.
import { register } from 'node:module';
import { test } from 'node:test';
import assert from 'node:assert/strict';

register('./page-paths.mjs', import.meta.url);
const { ChatSession } = await import('../../main/resources/META-INF/resources/agent/chat-session.js');

function desk() {
  const elements = { '#agent-message': { value: '' }, '#insert-page': { checked: false } };
  globalThis.document = { querySelector: (selector) => elements[selector] ?? null };
  const session = Object.create(ChatSession.prototype);
  session.chats = new Map([['a', { chatId: 'a' }], ['b', { chatId: 'b' }]]);
  session.currentId = 'a';
  session.sent = [];
  session.socket = { send: (frame) => session.sent.push(frame) > 0 };
  return { session, box: elements['#agent-message'], page: elements['#insert-page'] };
}

function switchTo(session, chatId) {
  session.swapDraft(chatId);
  session.currentId = chatId;
}

test('each chat keeps its own draft across switches', () => {
  const { session, box, page } = desk();
  box.value = 'For A, half typed';
  switchTo(session, 'b');
  assert.equal(box.value, '', 'B starts empty: nothing typed for A goes to B');
  box.value = 'https://example.com/b';
  page.checked = true;
  switchTo(session, 'a');
  assert.equal(box.value, 'For A, half typed');
  assert.equal(page.checked, false);
  switchTo(session, 'b');
  assert.equal(box.value, 'https://example.com/b');
  assert.equal(page.checked, true, '"Insert web page" stays with its draft');
});

test('leaving a chat ends its typing signal there, unless the agent is no longer in it', () => {
  const { session } = desk();
  session.typingSent = true;
  switchTo(session, 'b');
  assert.deepEqual(session.sent, [{ type: 'typing', chatId: 'a', typing: false }]);
  session.typingSent = true;
  session.swapDraft(null, { signal: false });
  assert.equal(session.sent.length, 1);
  assert.equal(session.typingSent, false);
});
