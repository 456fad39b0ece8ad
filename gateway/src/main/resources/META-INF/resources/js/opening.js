// What the widget says about a closed queue: when it opens next, in the contact's own time zone and language.
import { language, t } from './i18n.js';

const WHEN = { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' };

/** @param opensAt the next opening (ISO instant), or null when none is planned */
export function closedText(opensAt, locale = language()) {
  if (!opensAt) return t('widget.closed');
  const when = new Intl.DateTimeFormat(locale, WHEN).format(new Date(opensAt));
  return t('widget.closedUntil', { when });
}
