// The agent desktop's keyboard shortcuts, pure logic (no DOM, unit-tested): which key press does what, and how the
// help dialog names the keys. Chosen not to clash with the browser or screen readers: Alt with the up and down
// arrows and Alt+Shift with a letter do nothing in Chrome, Firefox, NVDA, JAWS or VoiceOver on a page (Alt+Left and
// Alt+Right are the browser's back and forward, Ctrl+Alt is AltGr on many European keyboards and types characters).
// Send (Enter) and a new line (Shift+Enter) belong to the message box (dom.js submitOnEnter); they are listed here
// so that the help shows them, but this table does not handle them.

export const SHORTCUTS = [
  { action: 'acceptOffer', keys: ['Alt', 'Shift', 'A'], alt: true, shift: true, letter: 'a' },
  { action: 'nextChat', keys: ['Alt', 'ArrowDown'], alt: true, key: 'ArrowDown' },
  { action: 'previousChat', keys: ['Alt', 'ArrowUp'], alt: true, key: 'ArrowUp' },
  { action: 'send', keys: ['Enter'], inMessageBox: true },
  { action: 'newLine', keys: ['Shift', 'Enter'], inMessageBox: true },
  // "?" types a question mark in a text field: there it is only a character, and the header's button opens the help.
  { action: 'help', keys: ['?'], key: '?', outsideFields: true },
];

/**
 * The letter a key press is about: its key, or, when a modifier made the key another character (Option+Shift+A is
 * "Å" on a Mac), the physical key it was pressed on.
 */
function letterOf(event) {
  if (/^[a-z]$/i.test(event.key ?? '')) return event.key.toLowerCase();
  return /^Key[A-Z]$/.test(event.code ?? '') ? event.code.slice('Key'.length).toLowerCase() : null;
}

/**
 * The action of a key press ({key, code, altKey, shiftKey, ctrlKey, metaKey}), or null for one the page leaves
 * alone. `inField`: the focus is in a text field, select or other control that uses typed keys itself.
 */
export function shortcutFor(event, { inField = false } = {}) {
  if (event.ctrlKey || event.metaKey || event.isComposing) return null;
  for (const shortcut of SHORTCUTS) {
    if (shortcut.inMessageBox) continue;
    if (shortcut.outsideFields && inField) continue;
    if (Boolean(shortcut.alt) !== Boolean(event.altKey)) continue;
    if (shortcut.letter) {
      if (Boolean(shortcut.shift) === Boolean(event.shiftKey) && letterOf(event) === shortcut.letter) {
        return shortcut.action;
      }
    } else if (event.key === shortcut.key) {
      return shortcut.action;
    }
  }
  return null;
}

/** The chat after (step 1) or before (step -1) the current one in the list, going round; null when there is none. */
export function chatAfter(chatIds, currentId, step) {
  if (!chatIds.length) return null;
  const index = chatIds.indexOf(currentId);
  if (index < 0) return step > 0 ? chatIds[0] : chatIds[chatIds.length - 1];
  return chatIds[(index + step + chatIds.length) % chatIds.length];
}

/** The keys of a shortcut as the help shows them, in the page's words ("Alt+Maj+A"): keyName(name) says one key. */
export function keysText(shortcut, keyName) {
  return shortcut.keys.map(keyName).join('+');
}
