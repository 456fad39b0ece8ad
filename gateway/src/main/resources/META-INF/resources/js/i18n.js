// The pages' languages: one bundle of messages per language (js/messages/*.js), looked up by key with {name}
// parameters; a key missing from a bundle falls back to English. The language comes from the browser
// (navigator.languages) until the user picks one with the EN/FR switch; the choice is remembered in localStorage
// for every page of the origin. Numbers, dates and times are formatted with Intl in the chosen locale.
// The lookup and formatting are pure (unit-tested); the page part (switch, <html lang>, data-i18n) only runs when
// a page calls startPageLanguage().
import en from './messages/en.js';
import fr from './messages/fr.js';

export const BUNDLES = { en, fr };
export const DEFAULT_LANGUAGE = 'en';
export const LANGUAGES = Object.keys(BUNDLES);
const STORAGE_KEY = 'switchboard.language';
const PLACEHOLDER = /\{(\w+)\}/g;

/** The first supported language among the browser's preferred tags ("fr-CA" → "fr"), else English. */
export function pickLanguage(preferred = [], supported = LANGUAGES) {
  for (const tag of preferred) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (supported.includes(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}

/**
 * The locale Intl formats with: the browser's own tag when it is of that language (en-GB keeps its 24-hour clock),
 * else the language itself.
 */
export function localeFor(language, preferred = []) {
  return preferred.find((tag) => String(tag).toLowerCase().split('-')[0] === language) || language;
}

/** The {names} of a message, sorted: a translation must use the same ones. */
export function placeholders(message) {
  return [...String(message).matchAll(PLACEHOLDER)].map((m) => m[1]).sort();
}

/** What is wrong with a translation against the English bundle: keys missing, extra, or with other placeholders. */
export function bundleProblems(reference, bundle) {
  const problems = [];
  for (const key of Object.keys(reference)) {
    if (!(key in bundle)) problems.push(`missing ${key}`);
    else if (placeholders(reference[key]).join() !== placeholders(bundle[key]).join()) problems.push(`placeholders ${key}`);
  }
  for (const key of Object.keys(bundle)) if (!(key in reference)) problems.push(`extra ${key}`);
  return problems;
}

/** A translator for one language: t(key, params), with numbers in params formatted for its locale. */
export function translator(language, locale = language) {
  const numbers = new Intl.NumberFormat(locale);
  const plurals = new Intl.PluralRules(locale);
  const lookup = (key) => BUNDLES[language]?.[key] ?? BUNDLES[DEFAULT_LANGUAGE][key];
  const t = (key, params = {}) => {
    const message = lookup(key);
    if (message === undefined) return key;
    return message.replace(PLACEHOLDER, (whole, name) => {
      const value = params[name];
      if (value === undefined || value === null) return whole;
      return typeof value === 'number' ? numbers.format(value) : String(value);
    });
  };
  return {
    language,
    locale,
    t,
    has: (key) => lookup(key) !== undefined,
    /** key.one / key.other chosen by the locale's plural rules for params.count (French: 0 and 1 are "one"). */
    plural: (key, params) => {
      const form = `${key}.${plurals.select(params.count)}`;
      return t(lookup(form) !== undefined ? form : `${key}.other`, params);
    },
    time: (date, seconds) => new Intl.DateTimeFormat(locale,
      { hour: '2-digit', minute: '2-digit', second: seconds ? '2-digit' : undefined }).format(date),
    dateTime: (date) => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(date),
    percent: (ratio) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio),
  };
}

// ---- the page's language ---------------------------------------------------------------------------------------

let current = translator(DEFAULT_LANGUAGE);
const listeners = [];

export const language = () => current.language;
export const t = (key, params) => current.t(key, params);
export const plural = (key, params) => current.plural(key, params);

/**
 * What a code says (a state, an outcome, a notice kind) from the message `prefix.CODE`, or the fallback when the
 * bundles have none (a code newer than the page).
 */
export function label(prefix, code, fallback = code ?? '', params = {}) {
  const key = `${prefix}.${code}`;
  return code !== undefined && code !== null && current.has(key) ? current.t(key, params) : fallback;
}

/** A time of day ('' when there is none), e.g. "14:05", or "14:05:09" with seconds. */
export function formatTime(value, { seconds = false } = {}) {
  const date = value ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? current.time(date, seconds) : '';
}

export function formatDateTime(value) {
  const date = value ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? current.dateTime(date) : '';
}

export const formatPercent = (ratio) => current.percent(ratio);

const SECONDS_PER_MINUTE = 60;

/** "2 min 5 s" in the page's words. */
export function formatDuration(seconds) {
  const total = Math.max(0, Math.round(Number(seconds) || 0));
  const minutes = Math.floor(total / SECONDS_PER_MINUTE);
  return minutes > 0 ? t('duration.minutes', { minutes, seconds: total % SECONDS_PER_MINUTE })
    : t('duration.seconds', { seconds: total });
}

/** Sets the language (no DOM): what t() and the formatters use from now on. */
export function useLanguage(code, preferred = []) {
  const chosen = LANGUAGES.includes(code) ? code : DEFAULT_LANGUAGE;
  current = translator(chosen, localeFor(chosen, preferred));
  return chosen;
}

/** Called after every switch, to draw again what the page wrote itself (lists, states, timelines). */
export function onLanguageChange(listener) {
  listeners.push(listener);
}

function browserLanguages() {
  return navigator.languages?.length ? navigator.languages : [navigator.language].filter(Boolean);
}

function storedLanguage() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage refused (privacy settings): the browser's language then
  }
}

/**
 * The page's static text: data-i18n="key" sets the text of an element (one without child elements), and
 * data-i18n-placeholder / -aria-label / -title / -label set that attribute.
 */
export function translatePage(root = document) {
  for (const node of root.querySelectorAll('*')) {
    for (const [name, key] of Object.entries(node.dataset)) {
      if (name === 'i18n') node.textContent = t(key);
      else if (name.startsWith('i18n')) {
        const attribute = name.slice('i18n'.length).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).slice(1);
        node.setAttribute(attribute, t(key));
      }
    }
  }
}

function applyToPage() {
  document.documentElement.lang = current.language;
  translatePage();
  for (const button of document.querySelectorAll('.language-switch button[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === current.language));
  }
}

/** The user's choice: remembered, applied to the page, and every listener draws its part again. */
export function setLanguage(code) {
  const chosen = useLanguage(code, browserLanguages());
  try {
    localStorage.setItem(STORAGE_KEY, chosen);
  } catch {
    // not remembered: the page still switches
  }
  applyToPage();
  listeners.forEach((listener) => listener(chosen));
}

/** At page start: the remembered or the browser's language, the page translated, the EN/FR switches wired. */
export function startPageLanguage() {
  const preferred = browserLanguages();
  useLanguage(storedLanguage() || pickLanguage(preferred), preferred);
  applyToPage();
  for (const button of document.querySelectorAll('.language-switch button[data-lang]')) {
    button.addEventListener('click', () => setLanguage(button.dataset.lang));
  }
  return current.language;
}
