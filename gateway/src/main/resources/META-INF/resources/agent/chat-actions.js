// The actions on the open chat: conference, transfer, finish, leave, transcript, Mark Done with the workflow dialog.
// Methods of ChatSession (chat-session.js), mixed into it: `this` is the session.
import { $, el, toast } from '/js/dom.js';
import { enc, listOf } from '/js/api.js';
import { t } from '/js/i18n.js';

export class ChatActions {
  askTarget(kind) {
    const dialog = $('#target-dialog');
    $('#target-title').textContent = t(kind === 'transfer' ? 'target.transferTitle' : 'target.conferenceTitle');
    $('#target-id').value = '';
    this.loadTargetOptions();
    dialog.returnValue = '';
    dialog.onclose = async () => {
      if (dialog.returnValue !== 'ok') return;
      const body = { targetType: $('#target-type').value, targetId: $('#target-id').value.trim() };
      try {
        await this.api.post(`/api/chats/${enc(this.currentId)}/${kind}`, body);
        toast(t(kind === 'transfer' ? 'target.transferred' : 'target.invited', { target: body.targetId }));
      } catch (error) {
        toast(t(kind === 'transfer' ? 'target.error.transfer' : 'target.error.conference', { error: error.message }));
      }
    };
    dialog.showModal();
  }

  async loadTargetOptions() {
    const type = $('#target-type').value;
    let options = [];
    try {
      if (type === 'QUEUE') {
        options = listOf(await this.api.get('/api/routing/queues'), 'queues').map((q) => [q.name, q.name]);
      } else {
        options = listOf(await this.api.get('/api/routing/agents'), 'agents')
          .filter((a) => a.id !== this.user.id && (type === 'AGENT' || String(a.role).toLowerCase() === 'supervisor'))
          .map((a) => [a.id, a.name]);
      }
    } catch (error) {
      // Agents may not list their colleagues; the name can still be typed.
    }
    $('#target-options').replaceChildren(...options.map(([value, label]) => el('option', { value }, label)));
  }

  async finish() {
    try {
      await this.api.post(`/api/chats/${enc(this.currentId)}/finish`);
      this.setState(this.current, 'ENDED');
      // On to the wrap-up, unless the agent has already gone to another tab meanwhile.
      if ($('#tab-conversation').getAttribute('aria-selected') === 'true') this.selectTab('tab-notepad');
    } catch (error) {
      toast(t('action.error.finish', { error: error.message }));
    }
  }

  /** A conference participant leaves; the chat goes on with the others. */
  async leave() {
    const chatId = this.currentId;
    try {
      await this.api.post(`/api/chats/${enc(chatId)}/leave`);
      this.forget(chatId);
      toast(t('action.left'));
    } catch (error) {
      toast(t('action.error.leave', { error: error.message }));
    }
  }

  async sendTranscript() {
    try {
      await this.api.post(`/api/chats/${enc(this.currentId)}/transcript`);
      toast(t('action.transcriptSent'));
    } catch (error) {
      toast(t('action.error.transcript', { error: error.message }));
    }
  }

  async markDone() {
    const chatId = this.currentId;
    if (!chatId || !(await this.saveWrapUp())) return;
    // Attached data typed but not saved yet is saved first: after Mark Done it can no longer change.
    if (this.current?.dataEdit?.dirty && !(await this.saveData())) {
      this.selectTab('tab-data');
      return;
    }
    if (this.dispositions?.required && !$('#disposition').value) {
      toast(t('action.error.disposition'));
      this.selectTab('tab-disposition');
      $('#disposition').focus();
      return;
    }
    let options = { applies: false, queues: [] };
    try {
      options = await this.api.get(`/api/chats/${enc(chatId)}/workflow-options`);
    } catch (error) {
      toast(t('workflow.error.options', { error: error.message }));
    }
    const queues = listOf(options, 'queues');
    if (options?.applies && queues.length) {
      this.askWorkflow(chatId, queues);
    } else {
      await this.done(chatId, {});
    }
  }

  askWorkflow(chatId, queues) {
    const dialog = $('#workflow-dialog');
    $('#workflow-queues').replaceChildren(...queues.map((q, i) => el('label', { className: 'radio' },
      el('input', { type: 'radio', name: 'workflow-queue', value: q.name, checked: i === 0 }),
      ` ${q.name}`, q.description ? el('span', { className: 'hint' }, ` — ${q.description}`) : null)));
    dialog.returnValue = '';
    dialog.onclose = () => {
      if (dialog.returnValue === 'ok') {
        const chosen = dialog.querySelector('input[name=workflow-queue]:checked')?.value;
        this.done(chatId, { workflowDecision: 'PARK', workflowQueue: chosen });
      } else if (dialog.returnValue === 'stop') {
        this.done(chatId, { workflowDecision: 'STOP' });
      } // Cancel: back to editing the wrap-up.
    };
    dialog.showModal();
  }

  async done(chatId, decision) {
    try {
      await this.api.post(`/api/chats/${enc(chatId)}/done`, decision);
      toast(t('action.doneToast'));
      const chat = this.chats.get(chatId);
      if (chat) this.setState(chat, 'DONE');
    } catch (error) {
      toast(t('action.error.done', { error: error.message }));
    }
  }
}
