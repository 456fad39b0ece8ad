// The desk's keyboard shortcuts on the page: key presses become actions (the mapping is shortcuts.js), and the help
// dialog lists them in the page's language ("?" outside text fields, or the header's "Keyboard shortcuts" button).
import { $, el } from '/js/dom.js';
import { label, onLanguageChange, t } from '/js/i18n.js';
import { keysText, SHORTCUTS, shortcutFor } from './shortcuts.js';

/** Whether the focus is where typed keys are text (or choices): "?" is a character there. */
function typingIn(target) {
  return Boolean(target?.closest?.('input, textarea, select, [contenteditable=""], [contenteditable=true]'));
}

function drawHelp() {
  const keyName = (key) => label('key', key, key);
  $('#shortcut-rows').replaceChildren(...SHORTCUTS.map((shortcut) => el('tr', {},
    el('td', {}, el('kbd', {}, keysText(shortcut, keyName))),
    el('td', {}, t(`shortcuts.${shortcut.action}`)))));
}

export function showShortcutHelp() {
  drawHelp();
  const dialog = $('#shortcuts-dialog');
  if (!dialog.open) dialog.showModal();
}

/** @param actions {acceptOffer(), nextChat(), previousChat()}: what the desk does for each shortcut */
export function wireShortcuts(actions) {
  const handlers = { ...actions, help: showShortcutHelp };
  document.addEventListener('keydown', (event) => {
    // A drop-down opens with Alt+ArrowDown: in one, the keys are its own; so are an open dialog's (focus is held there).
    if (event.target?.tagName === 'SELECT' || event.defaultPrevented || document.querySelector('dialog[open]')) return;
    const action = shortcutFor(event, { inField: typingIn(event.target) });
    if (!action || !handlers[action]) return;
    event.preventDefault();
    handlers[action]();
  });
  $('#show-shortcuts').addEventListener('click', showShortcutHelp);
  onLanguageChange(drawHelp);
}
