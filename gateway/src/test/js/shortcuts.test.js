// The agent desktop's keyboard shortcuts (agent/shortcuts.js): which key press does what, where "?" is only a
// character, the chat list going round, and the keys as the help names them in each language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chatAfter, keysText, SHORTCUTS, shortcutFor } from '../../main/resources/META-INF/resources/agent/shortcuts.js';
import { translator } from '../../main/resources/META-INF/resources/js/i18n.js';

const press = (key, modifiers = {}) => ({ key, code: '', altKey: false, shiftKey: false, ctrlKey: false,
  metaKey: false, ...modifiers });

test('Alt+Shift+A accepts the offer, Alt+arrows move between chats, even while typing', () => {
  assert.equal(shortcutFor(press('A', { altKey: true, shiftKey: true, code: 'KeyA' })), 'acceptOffer');
  assert.equal(shortcutFor(press('ArrowDown', { altKey: true }), { inField: true }), 'nextChat');
  assert.equal(shortcutFor(press('ArrowUp', { altKey: true }), { inField: true }), 'previousChat');
  assert.equal(shortcutFor(press('A', { altKey: true, shiftKey: true }), { inField: true }), 'acceptOffer');
});

test('on a Mac, Option+Shift+A types "Å": the physical key still accepts', () => {
  assert.equal(shortcutFor(press('Å', { altKey: true, shiftKey: true, code: 'KeyA' })), 'acceptOffer');
});

test('keys of the browser, of typing and of other modifiers are left alone', () => {
  assert.equal(shortcutFor(press('a')), null, 'typing a letter');
  assert.equal(shortcutFor(press('A', { shiftKey: true })), null, 'typing a capital');
  assert.equal(shortcutFor(press('a', { altKey: true })), null, 'Alt+A without Shift');
  assert.equal(shortcutFor(press('ArrowDown')), null, 'scrolling');
  assert.equal(shortcutFor(press('ArrowLeft', { altKey: true })), null, "the browser's Back");
  assert.equal(shortcutFor(press('ArrowDown', { altKey: true, ctrlKey: true })), null, 'Ctrl+Alt: AltGr, screen readers');
  assert.equal(shortcutFor(press('A', { altKey: true, shiftKey: true, metaKey: true })), null);
  assert.equal(shortcutFor(press('Enter')), null, 'Enter belongs to the message box');
});

test('"?" opens the help outside text fields, and is a question mark in them', () => {
  assert.equal(shortcutFor(press('?', { shiftKey: true })), 'help');
  assert.equal(shortcutFor(press('?', { shiftKey: true }), { inField: true }), null);
});

test('next and previous chat go round the list', () => {
  const chats = ['c1', 'c2', 'c3'];
  assert.equal(chatAfter(chats, 'c1', 1), 'c2');
  assert.equal(chatAfter(chats, 'c3', 1), 'c1');
  assert.equal(chatAfter(chats, 'c1', -1), 'c3');
  assert.equal(chatAfter(chats, null, 1), 'c1', 'none open: the first');
  assert.equal(chatAfter(chats, null, -1), 'c3', 'none open: the last');
  assert.equal(chatAfter([], null, 1), null);
});

test('the help names the keys in the page\'s language, and every shortcut has a description', () => {
  const accept = SHORTCUTS.find((s) => s.action === 'acceptOffer');
  const named = (language) => (key) => {
    const words = translator(language);
    return words.has(`key.${key}`) ? words.t(`key.${key}`) : key;
  };
  assert.equal(keysText(accept, named('en')), 'Alt+Shift+A');
  assert.equal(keysText(accept, named('fr')), 'Alt+Maj+A');
  for (const shortcut of SHORTCUTS) {
    assert.ok(translator('en').has(`shortcuts.${shortcut.action}`), shortcut.action);
  }
});
