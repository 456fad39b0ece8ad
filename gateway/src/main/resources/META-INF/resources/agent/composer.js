// The message box: typed text, pages pushed, standard responses, files (the paperclip), and the typing signal. One
// draft per chat: what was typed for a chat stays with it when the agent switches, and never goes to another chat.
// Methods of ChatSession (chat-session.js), mixed into it: `this` is the session.
import { $, el, isWebUrl, newId, toast } from '/js/dom.js';
import { enc, listOf } from '/js/api.js';
import { t } from '/js/i18n.js';
import { refusalKey } from '/js/file-model.js';

const TYPING_IDLE_MS = 3000;

export class Composer {
  sendFrame(fields) {
    this.socket.sendMessage({ type: 'message', chatId: this.currentId, clientMessageId: newId(), ...fields });
  }

  sendComposed(event) {
    event.preventDefault();
    const input = $('#agent-message');
    const value = input.value.trim();
    if (!value || !this.currentId) return;
    if ($('#insert-page').checked) {
      if (!isWebUrl(value)) {
        toast(t('composer.error.page'));
        return;
      }
      this.sendFrame({ pageUrl: value });
      $('#insert-page').checked = false;
    } else {
      this.sendFrame({ text: value });
    }
    input.value = '';
    this.stopTyping();
  }

  sendResponse() {
    const id = $('#response-picker').value;
    if (!id || !this.currentId) return;
    this.sendFrame({ standardResponseId: id });
  }

  async loadResponses() {
    const language = this.current?.details?.language || '';
    const q = $('#response-search').value.trim();
    try {
      const responses = listOf(await this.api.get(
        `/api/standard-responses?q=${enc(q)}&language=${enc(language)}`), 'items', 'responses');
      $('#response-picker').replaceChildren(el('option', { value: '', 'data-i18n': 'composer.chooseResponse' },
        t('composer.chooseResponse')),
        ...responses.map((r) => el('option', { value: r.id },
          [r.category, r.title].filter(Boolean).join(' — '))));
    } catch (error) {
      toast(t('composer.error.responses', { error: error.message }));
    }
  }

  /** The file chosen with the paperclip goes to the open chat at once; a refusal says why. */
  async sendFile() {
    const input = $('#agent-file');
    const file = input.files[0];
    input.value = '';
    const chat = this.current;
    if (!file || !chat) return;
    const button = $('#agent-attach');
    button.disabled = true;
    try {
      const item = await chat.timeline.options.files.upload(file, newId(), chat.chatId);
      if (this.chats.get(chat.chatId) === chat) this.addItem(chat, item, this.currentId === chat.chatId);
    } catch (error) {
      toast(t(refusalKey(error.status, error.problem), { name: file.name }));
    } finally {
      if (this.current) this.enableControls(this.current);
    }
  }

  onTyping() {
    if (!this.currentId) return;
    if (!this.typingSent) {
      this.typingSent = this.socket.send({ type: 'typing', chatId: this.currentId, typing: true });
    }
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  /**
   * Before the open chat changes (to `nextChatId`, or to none): keeps the box's text and "Insert web page" as the
   * leaving chat's draft, ends its typing signal, and puts back the next chat's draft (empty for a new one).
   * `signal: false` when the agent is no longer in the leaving chat (done, transferred away): nothing is sent to it.
   */
  swapDraft(nextChatId, { signal = true } = {}) {
    const leaving = this.current;
    const input = $('#agent-message');
    if (leaving) leaving.draft = { text: input.value, page: $('#insert-page').checked };
    if (signal) {
      this.stopTyping();
    } else {
      clearTimeout(this.typingTimer);
      this.typingSent = false;
    }
    const draft = nextChatId ? this.chats.get(nextChatId)?.draft : null;
    input.value = draft?.text || '';
    $('#insert-page').checked = Boolean(draft?.page);
  }

  stopTyping() {
    clearTimeout(this.typingTimer);
    if (this.typingSent && this.currentId) this.socket.send({ type: 'typing', chatId: this.currentId, typing: false });
    this.typingSent = false;
  }
}
