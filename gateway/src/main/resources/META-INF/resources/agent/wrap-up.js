// The wrap-up: notes, the transcript flag and the disposition code, saved as the agent types.
// Methods of ChatSession (chat-session.js), mixed into it: `this` is the session.
import { $, el, toast } from '/js/dom.js';
import { enc, listOf } from '/js/api.js';
import { t } from '/js/i18n.js';

const WRAP_UP_SAVE_DELAY_MS = 700;

export class WrapUp {
  async loadWrapUp(chatId) {
    if (!this.dispositions) {
      try {
        this.dispositions = await this.api.get('/api/disposition-codes');
      } catch (error) {
        this.dispositions = { required: false, codes: [] };
      }
      $('#disposition').replaceChildren(el('option', { value: '', 'data-i18n': 'wrapUp.choose' }, t('wrapUp.choose')),
        ...listOf(this.dispositions, 'codes').map((c) => el('option', { value: c.code }, c.label || c.code)));
    }
    let wrapUp = {};
    try {
      wrapUp = (await this.api.get(`/api/chats/${enc(chatId)}/wrap-up`)) || {};
    } catch (error) {
      // A chat with no wrap-up yet starts empty.
    }
    if (this.currentId !== chatId) return;
    $('#notes').value = wrapUp.notes || '';
    $('#send-transcript-flag').checked = Boolean(wrapUp.sendTranscript);
    $('#disposition').value = wrapUp.dispositionCode || '';
    $('#wrap-up-status').textContent = '';
  }

  wrapUpValues() {
    return {
      notes: $('#notes').value,
      sendTranscript: $('#send-transcript-flag').checked,
      dispositionCode: $('#disposition').value || null,
    };
  }

  scheduleWrapUpSave() {
    clearTimeout(this.wrapUpTimer);
    $('#wrap-up-status').textContent = t('common.unsaved');
    this.wrapUpTimer = setTimeout(() => this.saveWrapUp(), WRAP_UP_SAVE_DELAY_MS);
  }

  async saveWrapUp() {
    clearTimeout(this.wrapUpTimer);
    if (!this.currentId) return false;
    try {
      await this.api.put(`/api/chats/${enc(this.currentId)}/wrap-up`, this.wrapUpValues());
      $('#wrap-up-status').textContent = t('common.saved');
      return true;
    } catch (error) {
      $('#wrap-up-status').textContent = t('common.notSaved', { error: error.message });
      toast(t('wrapUp.error.save', { error: error.message }));
      return false;
    }
  }
}
