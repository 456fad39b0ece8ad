// The agent's answer to a supervisor: a whisper box under the message box. What is typed here reaches the chat's
// agents and supervisors only, never the contact (docs/api.md "Supervision"); it goes through the socket's outbox
// like a message, so it survives a reconnect and is stored once.
import { $, el, newId } from '/js/dom.js';
import { whisperFrame } from '/js/whisper.js';

const MAX_LENGTH = 1000;

export function installWhisperBox(session) {
  const input = el('input', { id: 'agent-whisper', type: 'text', maxlength: MAX_LENGTH,
    placeholder: 'Whisper to supervisors (the contact does not see it)', 'aria-label': 'Whisper to supervisors' });
  const form = el('form', { id: 'agent-whisper-form', className: 'whisper-box' },
    input, el('button', { type: 'submit' }, 'Whisper'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || !session.currentId) return;
    session.socket.sendMessage(whisperFrame(session.currentId, newId(), text));
    input.value = '';
  });
  $('#agent-composer').after(form);
}
