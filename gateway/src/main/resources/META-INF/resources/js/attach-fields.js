// Which fields of the company's chat form travel with the chat request as attached data (`data` of POST /api/chats),
// pure logic (no DOM, unit-tested). The page decides, not the widget: every control of the request form (or tied to
// it with form="chat-request") with a `data-attach` attribute, under the attribute's value as key, or under its
// `name` when the attribute is empty. Hidden inputs carry what the page knows (a product, a customer tier), visible
// ones what the contact types (an order number). The service checks keys, values and sizes (400 naming the field).

/**
 * @param controls form controls (anything with dataset, type, value, checked, disabled, name)
 * @returns {key: value}: text fields as trimmed strings (left out when empty: an optional field said nothing),
 *          number inputs as numbers, check boxes as booleans, the chosen radio button's value
 */
export function attachedFields(controls) {
  const data = {};
  for (const control of controls) {
    const attach = control.dataset?.attach;
    if (attach === undefined || control.disabled) continue;
    const key = attach || control.name;
    if (!key) continue;
    if (control.type === 'checkbox') {
      data[key] = Boolean(control.checked);
      continue;
    }
    if (control.type === 'radio' && !control.checked) continue;
    const text = String(control.value ?? '').trim();
    if (!text) continue;
    data[key] = control.type === 'number' && Number.isFinite(Number(text)) ? Number(text) : text;
  }
  return data;
}

/** The control a refusal names (`data.<key>`), to mark it; null for another field. */
export function controlForField(controls, field) {
  const key = String(field || '').startsWith('data.') ? field.slice('data.'.length) : null;
  if (key === null) return null;
  return [...controls].find((c) => c.dataset?.attach !== undefined && (c.dataset.attach || c.name) === key) || null;
}
