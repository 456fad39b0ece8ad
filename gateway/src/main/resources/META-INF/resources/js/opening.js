// What the widget says about a closed queue: when it opens next, in the contact's own time zone and language.

const WHEN = { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' };

/** @param opensAt the next opening (ISO instant), or null when none is planned */
export function closedText(opensAt, locale = undefined) {
  if (!opensAt) return 'We are closed at the moment.';
  const when = new Intl.DateTimeFormat(locale, WHEN).format(new Date(opensAt));
  return `We are closed at the moment. We open again on ${when} (your time).`;
}
