// DOM helpers. Every piece of text reaches the page through textContent or attributes, never as HTML.

/** Creates an element: el('button', {type: 'button', className: 'x', onclick}, 'text', childNode...). */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else if (key === 'className' || key === 'textContent' || key === 'value' || key === 'checked') {
      node[key] = value;
    } else if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const $ = (selector, root = document) => root.querySelector(selector);

export function show(node, visible = true) {
  node.hidden = !visible;
}

/** Only http(s) pages may be opened, in a new window that cannot reach back to this one. */
export function isWebUrl(value) {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function openPage(url) {
  if (isWebUrl(url)) {
    window.open(url, '_blank', 'noopener,noreferrer');
    return true;
  }
  return false;
}

export function newId() {
  return crypto.randomUUID ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Shows a short message in the page's toast area (role=alert), gone after a while. */
const TOAST_MILLIS = 6000;
export function toast(message) {
  const area = document.getElementById('toasts');
  if (!area) return;
  const note = el('p', { className: 'toast' }, message);
  area.append(note);
  setTimeout(() => note.remove(), TOAST_MILLIS);
}

/** Sends on Enter, keeps Shift+Enter for a new line. */
export function submitOnEnter(textarea, form) {
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
}
