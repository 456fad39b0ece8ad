// The Contact tab and phone calls (the ☎ buttons of the transcript and "Make a call").
// Methods of ChatSession (chat-session.js), mixed into it: `this` is the session.
import { $, el, toast } from '/js/dom.js';
import { enc, listOf } from '/js/api.js';
import { t } from '/js/i18n.js';

export class ContactCalls {
  showContact(details) {
    const contact = details.contact || {};
    const rows = [['contact.name', contact.name], ['contact.email', contact.email],
      ['contact.phone', (contact.phoneNumbers || []).join(', ')], ['contact.queue', details.queue],
      ['contact.subject', details.subject], ['contact.language', details.language]];
    $('#contact-details').replaceChildren(...rows.filter(([, v]) => v)
      .flatMap(([key, value]) => [el('dt', {}, t(key)), el('dd', {}, value)]));
  }

  async loadPhoneNumbers(chatId) {
    const select = $('#call-number');
    try {
      const numbers = listOf(await this.api.get(`/api/chats/${enc(chatId)}/phone-numbers`), 'numbers');
      select.replaceChildren(...numbers.map((n) => el('option', { value: n }, n)));
      $('#make-call').disabled = numbers.length === 0;
    } catch (error) {
      select.replaceChildren();
      $('#make-call').disabled = true;
    }
  }

  async call(number) {
    if (!this.currentId || !number) return;
    try {
      await this.api.post(`/api/chats/${enc(this.currentId)}/calls`, { phoneNumber: number });
      toast(t('contact.calling', { number }));
    } catch (error) {
      toast(t('contact.error.call', { error: error.message }));
    }
  }
}
