// The History tab: the contact's interactions (history-service), reloaded each time the tab opens.
// Methods of ChatSession (chat-session.js), mixed into it: `this` is the session.
import { $, el } from '/js/dom.js';
import { enc, listOf } from '/js/api.js';
import { STATE_LABELS } from './my-chats.js';

export class History {
  async loadHistory(details) {
    const list = $('#contact-history');
    if (!details.contactId) {
      list.replaceChildren(el('li', { className: 'empty' }, 'Contact history is unavailable.'));
      return;
    }
    try {
      const page = await this.api.get(`/api/history/contacts/${enc(details.contactId)}/interactions`);
      const interactions = listOf(page, 'items');
      list.replaceChildren(...(interactions.length ? interactions.map((i) => this.historyEntry(i, details.chatId))
        : [el('li', { className: 'empty' }, 'No earlier interactions.')]));
    } catch (error) {
      list.replaceChildren(el('li', { className: 'empty' }, 'Contact history is unavailable.'));
    }
  }

  /** One interaction: when, queue, state, agents, disposition, survey score; the open chat is marked "this chat". */
  historyEntry(interaction, currentChatId) {
    const requestedAt = interaction.timings?.requestedAt;
    const when = requestedAt ? new Date(requestedAt).toLocaleString() : '';
    const facts = [interaction.queue, STATE_LABELS[interaction.state] || interaction.state,
      (interaction.agents || []).join(', '), interaction.dispositionCode,
      interaction.surveyScore ? `satisfaction ${interaction.surveyScore}/5` : null,
      interaction.chatId === currentChatId ? 'this chat' : null];
    return el('li', {}, el('strong', {}, when), ' ', facts.filter(Boolean).join(' · '));
  }
}
