// Web calls without the browser: which call a frame is about, what its notice says, how long it has talked.
// Pure functions, shared by the agent desktop and the contact widget (and tested with node --test).

/** States in which a web call holds the line: the contact's widget rings, or the two talk. */
export const LIVE_STATES = new Set(['RINGING', 'ANSWERED']);

export function isLive(state) {
  return LIVE_STATES.has(state);
}

/**
 * The page's view of the chat's web call after a `call` frame: the call (callId, state, answeredAt, ...) while it
 * rings or talks, null once it is over. Frames of phone calls and of calls other than the one shown (an older call's
 * late frame) change nothing.
 *
 * @param current the call shown now, or null
 * @param frame   a `call` frame {callId, channel, state, by, reason, durationSeconds, at}
 * @param now     the page's clock (ms), for the talk timer of an answer seen late
 */
export function nextCall(current, frame, now = Date.now()) {
  if (!frame || frame.channel !== 'WEB') return current;
  if (current && current.callId !== frame.callId) {
    // Another call: a new one may start once the shown one is over, never beside it.
    return frame.state === 'RINGING' && !isLive(current.state) ? fresh(frame) : current;
  }
  if (!isLive(frame.state)) return null;
  if (!current) return fresh(frame, now);
  if (current.state === 'ANSWERED' && frame.state === 'RINGING') return current; // late frame
  return { ...current, state: frame.state, answeredAt: frame.state === 'ANSWERED' ? answeredAt(frame, now) : null };
}

function fresh(frame, now) {
  return { callId: frame.callId, chatId: frame.chatId, agentId: frame.agentId, state: frame.state,
    answeredAt: frame.state === 'ANSWERED' ? answeredAt(frame, now) : null };
}

function answeredAt(frame, now) {
  const at = Date.parse(frame.at);
  return Number.isNaN(at) ? now : Math.min(at, now);
}

/** Whole seconds talked at `now` (0 before the answer). */
export function talkSeconds(call, now = Date.now()) {
  return call?.answeredAt ? Math.max(0, Math.floor((now - call.answeredAt) / 1000)) : 0;
}

/** "m:ss" for the call timer. */
export function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * A CALL notice in the page's words: the message key and its parameters, from the item's call fields (channel,
 * callState, reason, durationSeconds) and the name of who made it happen. `duration` is a function turning seconds
 * into words ("2 min 5 s").
 */
export function callNotice(item, duration) {
  const channel = item.channel === 'PHONE' ? 'PHONE' : 'WEB';
  const state = item.callState;
  const params = { name: item.name || '', reason: item.reason || '' };
  if (state === 'ENDED') {
    const seconds = Number(item.durationSeconds) || 0;
    if (seconds > 0) return { key: `notice.CALL.${channel}.ENDED_AFTER`, params: { ...params, duration: duration(seconds) } };
    if (item.reason === 'no-answer') return { key: `notice.CALL.${channel}.NO_ANSWER`, params };
    if (item.reason === 'cancelled' && item.name) return { key: `notice.CALL.${channel}.CANCELLED`, params };
    return { key: `notice.CALL.${channel}.ENDED`, params };
  }
  return { key: `notice.CALL.${channel}.${state}`, params };
}

/** What a relayed signal carries: 'sdp', 'candidate', 'hold', 'unhold', or null for anything else. */
export function signalKind(signal) {
  if (!signal || typeof signal !== 'object') return null;
  if (signal.sdp && typeof signal.sdp === 'object') return 'sdp';
  if ('candidate' in signal) return 'candidate';
  return signal.kind === 'hold' || signal.kind === 'unhold' ? signal.kind : null;
}
