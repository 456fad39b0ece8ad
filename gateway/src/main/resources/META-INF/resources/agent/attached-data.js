// The "Attached data" tab: the chat's key-value pairs (order number, tier...), editable by the owning agent until
// Mark Done (also in wrap-up, and after Cancel in the workflow window), read-only for anyone else and after.
// session-service pushes no frame when data changes, so the tab reads the chat again when it opens (and the chat is
// read on every open and switch); a save shows the service's answer. What is edited lives in agent/data-model.js.
// Methods of ChatSession (chat-session.js), mixed into it: `this` is the session.
import { $, el, toast } from '/js/dom.js';
import { ApiError, enc } from '/js/api.js';
import { DataEdit } from './data-model.js';
import { t } from '/js/i18n.js';

const rowsShown = (edit) => (edit ? JSON.stringify(edit.visibleRows.map((r) => [r.id, r.key, r.text, r.stored])) : '');

export class AttachedDataPanel {
  /** Who may change the data now: the owner, the chat loaded, not done yet (ENDED is wrap-up: still editable). */
  dataEditable(chat) {
    return Boolean(chat?.details) && chat.details.ownerAgentId === this.user.id && chat.state !== 'DONE';
  }

  /**
   * The chat's data as just read from the service: a fresh edit, or the agent's edits kept on top of it. The rows
   * are drawn again only when that changed what they show, so an input being typed in keeps its focus.
   */
  takeData(chat, data) {
    const before = rowsShown(chat.dataEdit);
    if (!chat.dataEdit) chat.dataEdit = new DataEdit(data || {});
    else chat.dataEdit.rebase(data || {});
    if (chat.chatId === this.currentId) this.renderData(rowsShown(chat.dataEdit) === before);
  }

  /**
   * Reads the chat again (GET /api/chats/{id}): its data, state, owner and current queue, which a transfer or an
   * integration may have changed meanwhile. Quietly keeps what is shown when the read fails.
   */
  async reloadDetails(chatId) {
    const chat = this.chats.get(chatId);
    if (!chat?.details) return;
    // Reads may answer out of order: only the latest one started is taken, so an older answer never undoes a newer.
    const read = (chat.detailsReads || 0) + 1;
    chat.detailsReads = read;
    let details;
    try {
      details = await this.api.get(`/api/chats/${enc(chatId)}`);
    } catch (error) {
      return;
    }
    if (this.chats.get(chatId) !== chat || chat.state === 'DONE' || chat.detailsReads !== read) return;
    chat.details = details;
    this.remember({ chatId, subject: details.subject, queue: details.queue });
    if (details.state && details.state !== chat.state) this.setState(chat, details.state);
    this.takeData(chat, details.data);
    if (chat.chatId === this.currentId) this.showState();
  }

  /**
   * Draws the tab for the open chat. With `onlyIfChanged` (a state change, a header refresh) it is left alone unless
   * the chat or what the agent may do changed, so that an input being typed in keeps its focus.
   */
  renderData(onlyIfChanged = false) {
    const chat = this.current;
    const edit = chat?.dataEdit;
    const editable = this.dataEditable(chat);
    const shown = `${chat?.chatId}|${editable}|${Boolean(edit)}|${chat?.state === 'DONE'}`;
    if (onlyIfChanged && this.dataShown === shown) return;
    this.dataShown = shown;
    const rows = edit ? edit.visibleRows : [];
    $('#data-rows').replaceChildren(...rows.map((row) => this.dataRow(row, editable, edit.errors.get(row.id))));
    $('#data-empty').hidden = rows.length > 0 || !edit;
    $('#data-error').textContent = edit ? this.dataError(edit.errors.get('')) : '';
    $('#data-add').hidden = !editable;
    $('#data-save').hidden = !editable;
    $('#data-read-only').textContent = !chat?.details || editable ? ''
      : t(chat.state === 'DONE' ? 'data.readOnlyDone' : 'data.readOnly');
  }

  dataRow(row, editable, error) {
    const name = row.key || t('data.newKeyName');
    const errorId = `data-error-${row.id}`;
    const key = row.stored
      ? el('span', { className: 'data-key' }, row.key)
      : el('input', { className: 'data-key-input', value: row.key, 'aria-label': t('data.newKey'), maxlength: '200',
        readonly: !editable, 'aria-invalid': error ? 'true' : null, 'aria-describedby': error ? errorId : null,
        oninput: (event) => this.current?.dataEdit.setKey(row.id, event.target.value) });
    const value = el('input', { className: 'data-value', value: row.text, 'aria-label': t('data.valueOf', { name }),
      readonly: !editable, 'aria-invalid': error ? 'true' : null, 'aria-describedby': error ? errorId : null,
      oninput: (event) => {
        this.current?.dataEdit.setText(row.id, event.target.value);
        $('#data-status').textContent = t('common.unsaved');
      } });
    return el('tr', { dataset: { rowId: row.id, key: row.key } },
      el('th', { scope: 'row' }, key),
      el('td', {}, value, error ? el('span', { className: 'field-error', id: errorId }, this.dataError(error)) : null),
      el('td', {}, editable ? el('button', { type: 'button', className: 'data-remove',
        'aria-label': t('data.removeKey', { name }),
        onclick: () => {
          this.current?.dataEdit.remove(row.id);
          $('#data-status').textContent = t('common.unsaved');
          this.renderData();
        } }, t('data.remove')) : null));
  }

  /** A refusal in the panel: the page's own ({key, params}) in the page's words, the service's as it said it. */
  dataError(error) {
    if (!error) return '';
    return typeof error === 'string' ? error : t(error.key, error.params);
  }

  addDataRow() {
    const edit = this.current?.dataEdit;
    if (!edit || !this.dataEditable(this.current)) return;
    const row = edit.add();
    this.renderData();
    $(`#data-rows tr[data-row-id="${row.id}"] .data-key-input`)?.focus();
  }

  /** PATCH with what changed; the answer is the data now. A 400 shows beside the field it names. */
  async saveData(event) {
    event?.preventDefault();
    const chat = this.current;
    const edit = chat?.dataEdit;
    if (!edit || !this.dataEditable(chat)) return false;
    if (!edit.check()) {
      this.renderData();
      this.focusDataError();
      return false;
    }
    const changes = edit.changes;
    if (!Object.keys(changes).length) {
      edit.saved(edit.original); // empty new rows and untouched removals go
      this.renderData();
      $('#data-status').textContent = t('common.saved');
      return true;
    }
    $('#data-status').textContent = t('data.saving');
    try {
      const answer = await this.api.patch(`/api/chats/${enc(chat.chatId)}/data`, changes);
      edit.saved(answer?.data || {});
      if (chat.details) chat.details.data = edit.original;
      if (chat === this.current) {
        this.renderData();
        $('#data-status').textContent = t('common.saved');
      }
      return true;
    } catch (error) {
      if (chat !== this.current) return false;
      $('#data-status').textContent = t('common.notSaved', { error: error.message });
      if (error instanceof ApiError && error.status === 400) {
        edit.refused(error.problem?.violations, error.message);
        this.renderData();
        this.focusDataError();
      } else if (error instanceof ApiError && (error.status === 409 || error.status === 403)) {
        // Marked done meanwhile (another desk), or no longer this agent's chat: the panel turns read-only.
        toast(t('data.error.save', { error: error.message }));
        await this.reloadDetails(chat.chatId);
      } else {
        toast(t('data.error.save', { error: error.message }));
      }
      return false;
    }
  }

  focusDataError() {
    $('#data-rows [aria-invalid=true]')?.focus();
  }
}
