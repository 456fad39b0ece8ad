// Offer alerts besides the flashing icon: a short two-note tone made with WebAudio (no sound file to serve or cache)
// and a browser notification when the agent allowed them (asked once, from the "Enable notifications" button: browsers
// only ask from a click). The tab title's count is set by agent.js (alert-model.js).
import { label, t } from '/js/i18n.js';

const TONES_HZ = [880, 1320];
const TONE_SECONDS = 0.16;
const VOLUME = 0.2;

let audio = null;
let played = 0;

/**
 * Browsers start sound only after the user did something on the page: the context is made (or resumed) on the
 * agent's first clicks and key presses, so that an offer arriving later can be heard.
 */
export function armSound() {
  const unlock = () => {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!audio && Context) audio = new Context();
    if (audio?.state === 'suspended') audio.resume().catch(() => {});
  };
  for (const type of ['pointerdown', 'keydown']) document.addEventListener(type, unlock, { capture: true });
  // Signed in by a click already (the activation sticks to the page): sound can start now.
  if (navigator.userActivation?.hasBeenActive) unlock();
}

/** Plays the offer tone; false when the browser does not let the page make sound yet. */
export function playOfferTone() {
  if (!audio || audio.state !== 'running') return false;
  let start = audio.currentTime;
  for (const frequency of TONES_HZ) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    // A quick rise and fall: no click at the start or the end of the note.
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(VOLUME, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + TONE_SECONDS);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start);
    oscillator.stop(start + TONE_SECONDS + 0.02);
    start += TONE_SECONDS;
  }
  played += 1;
  return true;
}

/** 'granted', 'denied', 'default' (not asked yet) or 'unsupported'. */
export function notificationPermission() {
  return 'Notification' in window ? Notification.permission : 'unsupported';
}

/** Shows the "Enable notifications" button while the browser can still ask; asking happens on its click. */
export function offerNotificationButton(button) {
  const refresh = () => { button.hidden = notificationPermission() !== 'default'; };
  refresh();
  button.addEventListener('click', async () => {
    try {
      await Notification.requestPermission();
    } finally {
      refresh();
    }
  });
}

/**
 * A notification for an offer, when allowed and the desk is not in front of the agent (it shows the offer already).
 * Clicking it brings the desk forward.
 */
export function notifyOffer(offer) {
  if (notificationPermission() !== 'granted') return false;
  if (document.visibilityState === 'visible' && document.hasFocus()) return false;
  const name = offer.contactName || t('desk.contact');
  const kind = offer.offerKind && offer.offerKind !== 'CHAT' ? label('offer.kind', offer.offerKind) : null;
  const note = new Notification(t('offer.notification', { name: kind ? t('offer.withKind', { name, kind }) : name }), {
    body: [offer.queue, offer.subject].filter(Boolean).join(' · '),
    tag: offer.offerId,
  });
  note.onclick = () => {
    window.focus();
    note.close();
  };
  return true;
}

/** For the browser tests and support: how many tones were played. */
export function tonesPlayed() {
  return played;
}
