// The pages' languages (js/i18n.js, js/messages/*.js): the browser's language chosen, a message looked up with its
// parameters, English when a key is missing, numbers and times in the page's locale, notices said from their kind;
// every bundle as complete as the English one, and every key the pages use present in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import {
  BUNDLES, bundleProblems, formatDuration, formatPercent, formatTime, label, language, localeFor, pickLanguage,
  placeholders, plural, t, translator, useLanguage,
} from '../../main/resources/META-INF/resources/js/i18n.js';
import en from '../../main/resources/META-INF/resources/js/messages/en.js';

const PAGES = new URL('../../main/resources/META-INF/resources/', import.meta.url);
const NBSP = '\u00a0';
const NNBSP = '\u202f';

test("the browser's first supported language is chosen, English otherwise", () => {
  assert.equal(pickLanguage(['fr-FR', 'en-US']), 'fr');
  assert.equal(pickLanguage(['de-DE', 'fr-CA', 'en']), 'fr', 'a regional French is French');
  assert.equal(pickLanguage(['de-DE', 'es']), 'en');
  assert.equal(pickLanguage([]), 'en');
  assert.equal(localeFor('en', ['fr-FR', 'en-GB']), 'en-GB', 'the browser\'s own English keeps its clock');
  assert.equal(localeFor('fr', ['en-US']), 'fr');
});

test('a message is looked up by key with its parameters, numbers in the locale', () => {
  const fr = translator('fr');
  assert.equal(fr.t('notice.JOINED', { name: 'Alice Martin' }), 'Alice Martin a rejoint la discussion');
  assert.equal(fr.t('widget.queue.position', { position: 3 }), 'Vous êtes numéro 3 dans la file d’attente.');
  assert.equal(translator('en').t('chat.queue', { queue: 'billing' }), 'Queue: billing');
  assert.equal(fr.t('duration.seconds', { seconds: 12345 }), `12${NNBSP}345${NBSP}s`, 'French digit groups');
  assert.equal(translator('en').t('duration.seconds', { seconds: 12345 }), '12,345 s');
  assert.equal(fr.t('common.typing', {}), '{name} écrit…', 'a parameter not given stays visible, not "undefined"');
});

test('a key missing from a bundle shows in English, an unknown key as itself', () => {
  const saved = BUNDLES.fr['survey.thanks'];
  delete BUNDLES.fr['survey.thanks'];
  try {
    assert.equal(translator('fr').t('survey.thanks'), 'Thank you for your feedback.');
  } finally {
    BUNDLES.fr['survey.thanks'] = saved;
  }
  assert.equal(translator('fr').t('no.such.key'), 'no.such.key');
  assert.equal(translator('xx').t('common.send'), 'Send', 'a language without a bundle is English');
});

test('counts take the plural form of the language (French: 0 and 1 are singular)', () => {
  const fr = translator('fr');
  const en = translator('en');
  assert.equal(en.plural('offer.count', { count: 1 }), '1 chat offer');
  assert.equal(en.plural('offer.count', { count: 2 }), '2 chat offers');
  assert.equal(fr.plural('offer.count', { count: 1 }), '1 proposition de discussion');
  assert.equal(fr.plural('offer.count', { count: 3 }), '3 propositions de discussion');
});

test('the page language switches what t(), labels and formatters say', () => {
  try {
    assert.equal(useLanguage('fr', ['fr-FR']), 'fr');
    assert.equal(language(), 'fr');
    assert.equal(t('common.send'), 'Envoyer');
    assert.equal(plural('chat.unread', { count: 2 }), '2 nouveaux');
    assert.equal(label('agentState', 'NOT_READY'), 'Indisponible');
    assert.equal(label('agentState', 'ON_BREAK'), 'ON_BREAK', 'a state newer than the page shows as it came');
    assert.equal(formatDuration(125), `2${NBSP}min 5${NBSP}s`);
    assert.equal(formatPercent(0.85), `85${NBSP}%`);
    assert.equal(formatTime('2026-12-01T14:05:09Z').length, '14:05'.length, 'hours and minutes, 24-hour clock');
    assert.equal(formatTime('not a date'), '');
    assert.equal(useLanguage('xx'), 'en', 'an unknown choice falls back to English');
    assert.equal(formatPercent(0.85), '85%');
  } finally {
    useLanguage('en');
  }
});

test('notices are said from their kind; an unknown kind keeps the service\'s sentence', async () => {
  // timeline.js draws with the DOM only when items are added: importing it needs none.
  const { noticeText } = await import('../../main/resources/META-INF/resources/js/timeline.js');
  try {
    useLanguage('fr');
    assert.equal(noticeText({ notice: 'LEFT', name: 'Bruno Costa', text: 'Bruno Costa left' }),
      'Bruno Costa a quitté la discussion');
    assert.equal(noticeText({ notice: 'ENDED', text: 'Alice Martin ended the chat' }), 'La discussion est terminée');
    // As full as the service's sentence: why and by whom it ended, whom it was transferred to.
    assert.equal(noticeText({ notice: 'ENDED', reason: 'AGENT_FINISHED', name: 'Alice Martin',
      text: 'Alice Martin ended the chat' }), 'Alice Martin a terminé la discussion');
    assert.equal(noticeText({ notice: 'TRANSFERRED', name: 'Alice Martin', toName: 'Bruno Costa',
      text: 'Alice Martin transferred the chat to Bruno Costa' }), 'Alice Martin a transféré la discussion à Bruno Costa');
    assert.equal(noticeText({ notice: 'PAUSED', name: 'Alice', text: 'Alice paused the chat' }), 'Alice paused the chat');
    useLanguage('en');
    assert.equal(noticeText({ notice: 'JOINED', name: 'Alice Martin', text: 'Alice Martin joined' }),
      'Alice Martin joined the chat');
    assert.equal(noticeText({ notice: 'ENDED', reason: 'NO_AGENT_AVAILABLE', text: 'No agent…' }),
      'No agent is available right now; the chat has ended');
    assert.equal(noticeText({ notice: 'ENDED', reason: 'SOMETHING_NEW', text: 'It ended somehow' }), 'The chat has ended');
  } finally {
    useLanguage('en');
  }
});

test('every bundle has every English key, no other, with the same placeholders', () => {
  for (const [code, bundle] of Object.entries(BUNDLES)) assert.deepEqual(bundleProblems(en, bundle), [], code);
  assert.deepEqual(bundleProblems({ a: 'x {n}', b: 'y' }, { a: 'x {m}', c: 'z' }),
    ['placeholders a', 'missing b', 'extra c'], 'the check itself notices each kind of mistake');
  assert.deepEqual(placeholders('{b} and {a}'), ['a', 'b']);
});

/** Every .js and .html file of the pages, but the bundles themselves. */
function pageSources(dir = PAGES) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const url = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
    if (entry.isDirectory()) return entry.name === 'messages' ? [] : pageSources(url);
    return /\.(js|html)$/.test(entry.name) ? [[url.pathname, readFileSync(url, 'utf8')]] : [];
  });
}

test('every message key the pages name is in the English bundle', () => {
  const keys = Object.keys(en);
  const groups = new Set(keys.map((key) => key.split('.')[0]));
  // A key, a plural's base (key.one / key.other) or a label's prefix (prefix.CODE).
  const known = (name) => name in en || keys.some((key) => key.startsWith(`${name}.`));
  const unknown = [];
  for (const [file, source] of pageSources()) {
    for (const [, name] of source.matchAll(/['"]([a-zA-Z]+(?:\.[A-Za-z_]+)+)['"]/g)) {
      if (groups.has(name.split('.')[0]) && !known(name)) unknown.push(`${file.split('/resources/').pop()}: ${name}`);
    }
  }
  assert.deepEqual(unknown, []);
});
