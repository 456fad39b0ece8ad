// Whispers (docs/api.md "Supervision"): words between a chat's supervisors and agents that the contact never gets.
// Staff pages draw them apart from the conversation, as "Whisper from <name>". The contact's widget never receives
// one, so it has no use for this.
import { t } from '/js/i18n.js';

/** Timeline `decorate` option: marks a whisper item's node. */
export function markWhisper(node, item) {
  if (item?.whisper !== true) return;
  node.classList.add('whisper');
  const author = node.querySelector('.author');
  if (author) author.textContent = item.authorName ? t('whisper.from', { name: item.authorName }) : t('whisper.fromSomeone');
}

/** The socket frame of a whisper; sent through the socket's outbox like a message (same clientMessageId rules). */
export function whisperFrame(chatId, clientMessageId, text) {
  return { type: 'whisper', chatId, clientMessageId, text };
}
