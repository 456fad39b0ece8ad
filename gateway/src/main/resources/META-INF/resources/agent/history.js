// The History tab: the contact's interactions (history-service), reloaded each time the tab opens.
// Methods of ChatSession (chat-session.js), mixed into it: `this` is the session.
import { $, el } from '/js/dom.js';
import { enc, listOf } from '/js/api.js';
import { formatDateTime, label, t } from '/js/i18n.js';

export class History {
  async loadHistory(details) {
    const list = $('#contact-history');
    if (!details.contactId) {
      list.replaceChildren(el('li', { className: 'empty' }, t('history.unavailable')));
      return;
    }
    try {
      const page = await this.api.get(`/api/history/contacts/${enc(details.contactId)}/interactions`);
      const interactions = listOf(page, 'items');
      list.replaceChildren(...(interactions.length ? interactions.map((i) => this.historyEntry(i, details.chatId))
        : [el('li', { className: 'empty' }, t('history.none'))]));
    } catch (error) {
      list.replaceChildren(el('li', { className: 'empty' }, t('history.unavailable')));
    }
  }

  /** One interaction: when, queue, state, agents, disposition, survey score; the open chat is marked "this chat". */
  historyEntry(interaction, currentChatId) {
    const requestedAt = interaction.timings?.requestedAt;
    const when = formatDateTime(requestedAt);
    const facts = [interaction.queue, label('chatState', interaction.state),
      (interaction.agents || []).join(', '), interaction.dispositionCode,
      interaction.surveyScore ? t('history.satisfaction', { score: interaction.surveyScore }) : null,
      interaction.chatId === currentChatId ? t('history.thisChat') : null];
    return el('li', {}, el('strong', {}, when), ' ', facts.filter(Boolean).join(' · '));
  }
}
