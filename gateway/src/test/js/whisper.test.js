// Whispers on staff pages: marked apart as "Whisper from <name>", everything else left as drawn.
import { register } from 'node:module';
import { test } from 'node:test';
import assert from 'node:assert/strict';

register('./page-paths.mjs', import.meta.url);
const { markWhisper, whisperFrame } = await import('../../main/resources/META-INF/resources/js/whisper.js');

function drawnItem(authorText) {
  const classes = new Set(['item', 'message']);
  const author = { textContent: authorText };
  return { classList: { add: (name) => classes.add(name) }, classes, author, querySelector: () => author };
}

test('a whisper is marked and names who whispered', () => {
  const node = drawnItem('Sam Taylor:');
  markWhisper(node, { seq: 4, kind: 'MESSAGE', whisper: true, authorName: 'Sam Taylor', text: 'Offer the refund' });
  assert.ok(node.classes.has('whisper'));
  assert.equal(node.author.textContent, 'Whisper from Sam Taylor:');
});

test('a message to everyone stays as it is', () => {
  const node = drawnItem('Alice Martin:');
  markWhisper(node, { seq: 5, kind: 'MESSAGE', authorName: 'Alice Martin', text: 'Hello' });
  assert.ok(!node.classes.has('whisper'));
  assert.equal(node.author.textContent, 'Alice Martin:');
});

test('the whisper frame names its chat and client message id', () => {
  assert.deepEqual(whisperFrame('c1', 'w-1', 'psst'), { type: 'whisper', chatId: 'c1', clientMessageId: 'w-1',
    text: 'psst' });
});
