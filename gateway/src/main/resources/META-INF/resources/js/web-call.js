// The browser's side of a web call: the microphone, one RTCPeerConnection and the other side's audio. The signalling
// (SDP and ICE candidates) goes through the chat socket as call-signal frames; session-service relays it to the other
// party only. The agent makes the offer once the contact answered; the contact answers it.
import { signalKind } from './call-model.js';

export class WebCallPeer {
  /**
   * @param options {iceServers: RTCIceServer[], send(signal): sends a call-signal, onConnection(state)?: the peer
   *                connection's state, onRemoteHold(held)?: the other side put the call on hold or took it off}
   */
  constructor(options) {
    this.options = options;
    this.pendingCandidates = [];
    this.audio = new Audio();
    this.audio.autoplay = true;
  }

  /** Asks for the microphone and sets up the connection; must run before any signal is handled. */
  async prepare() {
    this.stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const pc = new RTCPeerConnection({ iceServers: this.options.iceServers || [] });
    this.pc = pc;
    for (const track of this.stream.getAudioTracks()) pc.addTrack(track, this.stream);
    pc.onicecandidate = (event) => this.options.send({ candidate: event.candidate ? event.candidate.toJSON() : null });
    pc.ontrack = (event) => { this.audio.srcObject = event.streams[0]; };
    pc.onconnectionstatechange = () => this.options.onConnection?.(pc.connectionState);
  }

  /** The caller's side: the offer, after the contact answered. */
  async offer() {
    const offer = await this.pc.createOffer();
    await this.pc.setLocalDescription(offer);
    this.options.send({ sdp: { type: offer.type, sdp: offer.sdp } });
  }

  /** A signal the other side sent. Candidates that come before the description wait for it. */
  async signal(signal) {
    if (!this.pc) return;
    switch (signalKind(signal)) {
      case 'sdp':
        await this.pc.setRemoteDescription(signal.sdp);
        for (const candidate of this.pendingCandidates.splice(0)) await this.addCandidate(candidate);
        if (signal.sdp.type === 'offer') {
          const answer = await this.pc.createAnswer();
          await this.pc.setLocalDescription(answer);
          this.options.send({ sdp: { type: answer.type, sdp: answer.sdp } });
        }
        break;
      case 'candidate':
        if (this.pc.remoteDescription) await this.addCandidate(signal.candidate);
        else this.pendingCandidates.push(signal.candidate);
        break;
      case 'hold':
      case 'unhold':
        this.options.onRemoteHold?.(signal.kind === 'hold');
        break;
      default:
        break;
    }
  }

  async addCandidate(candidate) {
    // null: the other side has gathered all its candidates.
    await this.pc.addIceCandidate(candidate || undefined);
  }

  /** Mute: the microphone sends silence; the other side still hears nothing changed but the silence. */
  mute(muted) {
    for (const track of this.stream?.getAudioTracks() || []) track.enabled = !muted;
    this.muted = muted;
  }

  /** Hold: neither side hears the other, and the other side is told (a hold/unhold signal). */
  hold(held) {
    this.held = held;
    for (const track of this.stream?.getAudioTracks() || []) track.enabled = !held && !this.muted;
    this.audio.muted = held;
    this.options.send({ kind: held ? 'hold' : 'unhold' });
  }

  close() {
    this.pc?.close();
    for (const track of this.stream?.getTracks() || []) track.stop();
    this.audio.srcObject = null;
    this.pc = null;
  }

  /** The connection's state and the audio bytes received and sent so far (the browser tests read this). */
  async stats() {
    const result = { connectionState: this.pc?.connectionState || 'closed', bytesReceived: 0, bytesSent: 0 };
    if (!this.pc) return result;
    const report = await this.pc.getStats();
    report.forEach((entry) => {
      if (entry.type === 'inbound-rtp' && entry.kind === 'audio') result.bytesReceived += entry.bytesReceived || 0;
      if (entry.type === 'outbound-rtp' && entry.kind === 'audio') result.bytesSent += entry.bytesSent || 0;
    });
    return result;
  }
}

/**
 * The test hook of the browser tests (system-tests/e2e/tests/voice.test.js): `window.switchboardCall.stats()` gives
 * the live call's connection state and audio byte counts. Not an API: nothing else reads it.
 */
export function exposeForTests(currentPeer) {
  window.switchboardCall = {
    stats: async () => (currentPeer() ? currentPeer().stats() : { connectionState: 'none', bytesReceived: 0, bytesSent: 0 }),
  };
}
