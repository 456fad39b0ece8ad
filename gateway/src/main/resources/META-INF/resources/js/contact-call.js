// The contact's side of a web call: the incoming-call banner (Accept, Decline), then the talking status with a timer
// and Hang up. Accepting asks for the microphone first, then tells the service (call-answer); the agent's desk then
// makes the offer, which this side answers. A hold from the agent shows as "on hold".
import { $, show } from './dom.js';
import { enc, listOf } from './api.js';
import { t } from './i18n.js';
import { clock, isLive, nextCall, talkSeconds } from './call-model.js';
import { WebCallPeer, exposeForTests } from './web-call.js';

const TIMER_TICK_MS = 1000;

export class ContactCall {
  /** @param options {api, send(frame): the chat socket's send, chatId(): the chat shown} */
  constructor(options) {
    this.options = options;
    this.call = null;
    this.endedKey = null;
    $('#call-accept').addEventListener('click', () => this.accept());
    $('#call-decline').addEventListener('click', () => this.answerWith('call-decline'));
    $('#contact-call-hangup').addEventListener('click', () => this.answerWith('call-hangup'));
    exposeForTests(() => this.peer);
  }

  onFrame(frame) {
    const before = this.call;
    const after = nextCall(before, frame);
    if (after === before || (before && after && before.callId === after.callId && before.state === after.state)) return;
    if (!after) {
      this.close();
      this.endedKey = frame.state === 'DECLINED' ? 'call.declined' : 'call.ended';
    } else {
      this.endedKey = null;
      this.call = after;
    }
    this.render();
  }

  onSignal(frame) {
    if (this.call?.callId !== frame.callId) return;
    this.peer?.signal(frame.signal).catch(() => this.answerWith('call-hangup'));
  }

  /** Accept: the microphone and the connection first (the offer may follow at once), then call-answer. */
  async accept() {
    const call = this.call;
    if (!call) return;
    $('#call-accept').disabled = true;
    try {
      const chatId = this.options.chatId();
      const { iceServers } = await this.options.api.get(`/api/chats/${enc(chatId)}/calls`);
      this.peer = new WebCallPeer({
        iceServers: listOf({ iceServers }, 'iceServers'),
        send: (signal) => this.options.send({ type: 'call-signal', callId: call.callId, signal }),
        onRemoteHold: (held) => { this.held = held; this.render(); },
      });
      await this.peer.prepare();
      this.options.send({ type: 'call-answer', callId: call.callId });
    } catch (error) {
      // No microphone (refused, none): the call cannot go on; the agent sees it declined.
      this.answerWith('call-decline');
      this.endedKey = 'call.noMicrophone';
    } finally {
      $('#call-accept').disabled = false;
    }
  }

  answerWith(type) {
    if (this.call) this.options.send({ type, callId: this.call.callId });
  }

  close() {
    this.peer?.close();
    this.peer = null;
    this.call = null;
    this.held = false;
  }

  /** The chat ended or a new chat starts: no banner left. */
  reset() {
    this.close();
    this.endedKey = null;
    this.render();
  }

  render() {
    const call = this.call;
    clearInterval(this.timer);
    const ringing = call?.state === 'RINGING';
    const talking = call?.state === 'ANSWERED';
    show($('#call-banner'), ringing);
    show($('#contact-call-bar'), talking || Boolean(this.endedKey));
    show($('#contact-call-hangup'), talking);
    if (ringing) $('#call-banner-text').textContent = t('call.incoming');
    if (!isLive(call?.state)) {
      $('#contact-call-status').textContent = this.endedKey ? t(this.endedKey) : '';
      $('#contact-call-timer').textContent = '';
      return;
    }
    $('#contact-call-status').textContent = this.held ? t('call.onHoldByAgent') : t('call.talking');
    const tick = () => { $('#contact-call-timer').textContent = talking ? clock(talkSeconds(call)) : ''; };
    tick();
    if (talking) this.timer = setInterval(tick, TIMER_TICK_MS);
  }
}
