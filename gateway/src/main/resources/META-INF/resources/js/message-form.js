// "Leave us a message" in the contact widget: the chat form's message mode, shown while the chosen queue is closed,
// instead of waiting ("leave a message instead") and after a chat nobody answered. The contact's name, e-mail,
// subject (queue), language and attached fields are the chat form's; the mode adds the message and sends it to
// POST /api/offline-messages instead of asking for a chat.
import { $, newId, show } from './dom.js';
import { t } from './i18n.js';

export class MessageMode {
  /** @param onDone called when the contact is done with the thanks (back to the chat form) */
  constructor(api, onDone) {
    this.api = api;
    this.on = false;
    this.closed = false;
    this.notice = $('#queue-closed');
    this.hint = $('#request-hint');
    this.fields = $('#message-fields');
    this.text = $('#message-text');
    this.submit = $('#request-submit');
    this.back = $('#message-back');
    this.thanks = $('#message-thanks');
    this.back.addEventListener('click', () => this.leave());
    $('#message-done').addEventListener('click', onDone);
  }

  /**
   * @param notice why a message is offered (when a closed queue opens again, or that nobody could answer)
   * @param closed the queue is closed: no way back to a chat until another subject is chosen
   */
  enter(notice, closed) {
    this.on = true;
    this.closed = closed;
    this.notice.textContent = notice;
    show(this.notice, true);
    show(this.hint, false);
    show(this.fields, true);
    show(this.back, !closed);
    this.say(this.submit, 'widget.sendMessage');
    this.text.focus();
  }

  leave() {
    this.on = false;
    this.closed = false;
    this.notice.textContent = '';
    show(this.notice, false);
    show(this.hint, true);
    show(this.fields, false);
    show(this.back, false);
    this.say(this.submit, 'widget.start');
  }

  /** Marked with its key, so that a language switch (translatePage) says what the button does now. */
  say(node, key) {
    node.dataset.i18n = key;
    node.textContent = t(key);
  }

  /** The message's own check (message keys), beside the contact's (name, e-mail) the chat form makes. */
  errors() {
    return this.text.value.trim() ? [] : ['widget.error.noMessage'];
  }

  /** @param target {name, email, queue, language, data} from the chat form */
  async send(target) {
    const body = { ...target, text: this.text.value.trim() };
    // One id per message: sent again after an answer that never came, it is filed once (the service answers with
    // the first); changed in any field, it is a new message with a new id.
    const signature = JSON.stringify(body);
    if (this.pending?.signature !== signature) this.pending = { signature, id: newId() };
    await this.api.post('/api/offline-messages', { ...body, clientMessageId: this.pending.id });
    this.pending = null;
    this.text.value = '';
  }

  showThanks(visible) {
    show(this.thanks, visible);
  }
}
