// "Call in browser": a web call (WebRTC audio) between this desk and the contact's widget, with its call bar (status,
// timer, Mute, Hold, Hang up). The desk starts it with a call-start frame; once the contact answered it makes the
// offer; signals go both ways as call-signal frames. Mute and hold stay in this browser (hold also tells the contact).
// Methods of ChatSession (chat-session.js), mixed into it: `this` is the session.
import { $, show, toast } from '/js/dom.js';
import { enc, listOf } from '/js/api.js';
import { t } from '/js/i18n.js';
import { clock, isLive, nextCall, talkSeconds } from '/js/call-model.js';
import { WebCallPeer } from '/js/web-call.js';

const TIMER_TICK_MS = 1000;

export class WebCallPanel {
  /** Call in browser: asks the service to ring the contact of the open chat. */
  startWebCall() {
    if (!this.currentId) return;
    if (this.webCall && isLive(this.webCall.state)) {
      toast(t('call.error.busy'));
      return;
    }
    this.socket.send({ type: 'call-start', chatId: this.currentId });
  }

  /** A `call` frame of one of my chats: rings, talks, ends. Only the call this agent placed is joined here. */
  onCallFrame(frame) {
    if (frame.channel !== 'WEB') return;
    const mine = frame.agentId === this.user.id;
    if (!mine) return;
    const before = this.webCall;
    const after = nextCall(before, frame);
    // The same step again (a replayed frame) changes nothing: the connection being set up stays.
    if (after === before || (before && after && before.callId === after.callId && before.state === after.state)) return;
    if (!after) {
      this.endPeer();
      this.webCall = null;
      this.callEndedKey = frame.state === 'DECLINED' ? 'call.declined' : 'call.ended';
      this.renderCall();
      return;
    }
    this.webCall = { ...after, peer: before?.peer, muted: before?.muted, held: before?.held };
    this.callEndedKey = null;
    if (before?.state !== 'ANSWERED' && after.state === 'ANSWERED') this.connect(after);
    this.renderCall();
  }

  /** The contact answered: the microphone, the connection and the offer. */
  async connect(call) {
    try {
      const { iceServers } = await this.api.get(`/api/chats/${enc(call.chatId)}/calls`);
      const peer = new WebCallPeer({
        iceServers: listOf({ iceServers }, 'iceServers'),
        send: (signal) => this.socket.send({ type: 'call-signal', chatId: call.chatId, callId: call.callId, signal }),
        onConnection: (state) => { this.connectionState = state; this.renderCall(); },
      });
      if (this.webCall?.callId !== call.callId) return;
      this.webCall.peer = peer;
      await peer.prepare();
      await peer.offer();
    } catch (error) {
      toast(t('call.error.media', { error: error.message }));
      this.hangUpCall();
    }
  }

  onCallSignal(frame) {
    if (this.webCall?.callId !== frame.callId) return;
    this.webCall.peer?.signal(frame.signal).catch((error) => toast(t('call.error.media', { error: error.message })));
  }

  hangUpCall() {
    const call = this.webCall;
    if (!call) return;
    this.socket.send({ type: 'call-hangup', chatId: call.chatId, callId: call.callId });
  }

  toggleMute() {
    const call = this.webCall;
    if (!call?.peer) return;
    call.muted = !call.muted;
    call.peer.mute(call.muted);
    this.renderCall();
  }

  toggleHold() {
    const call = this.webCall;
    if (!call?.peer) return;
    call.held = !call.held;
    call.peer.hold(call.held);
    this.renderCall();
  }

  endPeer() {
    this.webCall?.peer?.close();
    this.connectionState = null;
  }

  /** The live call's peer, for the browser tests' hook (web-call.js exposeForTests). */
  get webCallPeer() {
    return this.webCall?.peer || null;
  }

  /** The call bar: shown while a call rings or talks, and once with the outcome of the last one. */
  renderCall() {
    const call = this.webCall;
    clearInterval(this.callTimer);
    show($('#call-bar'), Boolean(call) || Boolean(this.callEndedKey));
    $('#web-call').disabled = Boolean(call);
    for (const id of ['#call-mute', '#call-hold', '#call-hangup']) show($(id), Boolean(call));
    if (!call) {
      $('#call-status').textContent = this.callEndedKey ? t(this.callEndedKey) : '';
      $('#call-timer').textContent = '';
      return;
    }
    const talking = call.state === 'ANSWERED';
    $('#call-status').textContent = !talking ? t('call.ringing')
      : call.held ? t('call.onHold') : t('call.talking');
    $('#call-mute').disabled = !talking;
    $('#call-hold').disabled = !talking;
    $('#call-mute').setAttribute('aria-pressed', String(Boolean(call.muted)));
    $('#call-hold').setAttribute('aria-pressed', String(Boolean(call.held)));
    $('#call-mute').textContent = t(call.muted ? 'call.unmute' : 'call.mute');
    $('#call-hold').textContent = t(call.held ? 'call.resume' : 'call.hold');
    const tick = () => { $('#call-timer').textContent = talking ? clock(talkSeconds(call)) : ''; };
    tick();
    if (talking) this.callTimer = setInterval(tick, TIMER_TICK_MS);
  }
}
