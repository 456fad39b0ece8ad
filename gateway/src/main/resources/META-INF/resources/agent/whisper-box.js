// The agent's answer to a supervisor: a whisper box under the message box. What is typed here reaches the chat's
// agents and supervisors only, never the contact (docs/api.md "Supervision"); it goes through the socket's outbox
// like a message, so it survives a reconnect and is stored once.
import { $, el, newId } from '/js/dom.js';
import { t } from '/js/i18n.js';
import { whisperFrame } from '/js/whisper.js';

const MAX_LENGTH = 1000;

export function installWhisperBox(session) {
  const input = el('input', { id: 'agent-whisper', type: 'text', maxlength: MAX_LENGTH,
    placeholder: t('whisper.placeholder'), 'data-i18n-placeholder': 'whisper.placeholder',
    'aria-label': t('whisper.label'), 'data-i18n-aria-label': 'whisper.label' });
  const form = el('form', { id: 'agent-whisper-form', className: 'whisper-box' },
    input, el('button', { type: 'submit', 'data-i18n': 'whisper.send' }, t('whisper.send')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || !session.currentId) return;
    session.socket.sendMessage(whisperFrame(session.currentId, newId(), text));
    input.value = '';
  });
  $('#agent-composer').after(form);
}
