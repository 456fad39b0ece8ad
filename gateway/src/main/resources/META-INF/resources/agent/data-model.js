// What the agent's "Attached data" panel holds for one chat, pure logic (no DOM, unit-tested): the stored values,
// the rows as edited, the PATCH that turns one into the other, and where a refusal belongs.
// The limits (count, key and value sizes) are session-service's configuration, so the page does not repeat them: it
// only refuses what a JSON object cannot say (an empty or repeated key) and shows the service's 400 beside its field.
// The page's own refusals are message keys ({key, params}, said in the page's language); the service's are its text.

/** The text an input shows for a stored value (strings, numbers, booleans). */
export function asText(value) {
  return value === null || value === undefined ? '' : String(value);
}

/**
 * The value to send for a typed text. A stored number or boolean keeps its type while the text still reads as one
 * (so "129.5" stays a number and routing rules comparing it see no change of kind); anything else is a string.
 */
export function asValue(text, previous) {
  const trimmed = String(text).trim();
  if (typeof previous === 'number' && trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  if (typeof previous === 'boolean' && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  return String(text);
}

let nextRowId = 1;

export class DataEdit {
  /** @param data the chat's attached data as the service last gave it ({key: value}) */
  constructor(data = {}) {
    this.reset(data);
  }

  /** Starts over from the stored data: every edit is dropped. */
  reset(data) {
    this.original = { ...(data || {}) };
    this.rows = Object.entries(this.original).map(([key, value]) => this.row(key, asText(value), true));
    this.errors = new Map(); // row id, or '' for the whole panel -> message
  }

  row(key, text, stored) {
    const row = { id: `r${nextRowId}`, key, text, stored, removed: false, edited: false };
    nextRowId += 1;
    return row;
  }

  /** The rows the panel shows: removed ones are gone until the next save or refresh. */
  get visibleRows() {
    return this.rows.filter((row) => !row.removed);
  }

  find(id) {
    return this.rows.find((row) => row.id === id);
  }

  setText(id, text) {
    const row = this.find(id);
    if (!row) return;
    row.text = text;
    row.edited = true;
    this.errors.delete(id);
  }

  /** Only a new row's key can be typed: renaming a stored key is removing it and adding another. */
  setKey(id, key) {
    const row = this.find(id);
    if (!row || row.stored) return;
    row.key = key;
    row.edited = true;
    this.errors.delete(id);
  }

  add() {
    const row = this.row('', '', false);
    row.edited = true;
    this.rows.push(row);
    return row;
  }

  /** A stored key is removed by the next save (null in the PATCH); a new row simply goes. */
  remove(id) {
    const row = this.find(id);
    if (!row) return;
    if (row.stored) {
      row.removed = true;
      row.edited = true;
    } else {
      this.rows = this.rows.filter((r) => r !== row);
    }
    this.errors.delete(id);
  }

  /**
   * The PATCH body ({key: value} sets, {key: null} removes) for what the agent changed; {} when nothing changed.
   * A new row with an empty key is not part of it (check() refuses it before a save).
   */
  get changes() {
    const patch = {};
    const stored = (key) => Object.prototype.hasOwnProperty.call(this.original, key);
    const shown = new Set(this.visibleRows.map((row) => row.key.trim()));
    for (const row of this.rows) {
      const key = row.key.trim();
      if (!key) continue;
      if (row.removed) {
        // Removed and typed again as a new row: that row's value is the change, not the removal.
        if (stored(key) && !shown.has(key)) patch[key] = null;
        continue;
      }
      const previous = this.original[key];
      const value = asValue(row.text, previous);
      if (!stored(key) || previous !== value) patch[key] = value;
    }
    return patch;
  }

  get dirty() {
    return Object.keys(this.changes).length > 0 || this.rows.some((row) => !row.stored && !row.removed);
  }

  /**
   * What a JSON object cannot carry: a new row without a key, a key twice. Fills `errors` by row; true when none.
   */
  check() {
    this.errors = new Map();
    const seen = new Map();
    for (const row of this.visibleRows) {
      const key = row.key.trim();
      if (!key) {
        this.errors.set(row.id, { key: 'data.error.noKey' });
      } else if (seen.has(key)) {
        this.errors.set(row.id, { key: 'data.error.twice', params: { key } });
      } else {
        seen.set(key, row.id);
      }
    }
    return this.errors.size === 0;
  }

  /**
   * Puts the service's refusal beside its field: `data.<key>` belongs to that key's row, `data` (too many keys) or
   * a key no row shows to the whole panel. Returns the row ids that got a message.
   */
  refused(violations, fallback) {
    this.errors = new Map();
    for (const violation of violations?.length ? violations : [{ field: 'data', message: fallback }]) {
      const field = String(violation.field || '');
      const key = field.startsWith('data.') ? field.slice('data.'.length) : null;
      const row = key !== null ? this.visibleRows.find((r) => r.key.trim() === key) : null;
      const id = row ? row.id : '';
      const message = violation.message || fallback || 'refused';
      this.errors.set(id, this.errors.has(id) ? `${this.errors.get(id)} ${message}` : message);
    }
    return [...this.errors.keys()].filter(Boolean);
  }

  /** The save went through: the service's answer is the new truth. */
  saved(data) {
    this.reset(data);
  }

  /**
   * Fresh data from the service while the agent may be editing: rows the agent has not touched take the new values
   * (and come or go with their keys); edited rows, removals and new rows are kept, now measured against the new data.
   */
  rebase(data) {
    const fresh = { ...(data || {}) };
    const has = (key) => Object.prototype.hasOwnProperty.call(fresh, key);
    const rows = [];
    for (const row of this.rows) {
      if (!row.edited) {
        if (has(row.key)) {
          row.text = asText(fresh[row.key]);
          rows.push(row);
        }
        continue;
      }
      if (row.stored && !has(row.key)) {
        if (row.removed) continue; // removed here and there: nothing left to do
        row.stored = false; // edited here, removed there: saving sets it again
      }
      rows.push(row);
    }
    const shown = new Set(rows.map((row) => row.key.trim()));
    for (const [key, value] of Object.entries(fresh)) {
      if (!shown.has(key)) rows.push(this.row(key, asText(value), true));
    }
    this.original = fresh;
    this.rows = rows;
    const ids = new Set(rows.map((row) => row.id));
    for (const id of [...this.errors.keys()]) if (id && !ids.has(id)) this.errors.delete(id);
  }
}
