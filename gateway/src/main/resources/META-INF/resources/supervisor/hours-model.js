// A queue's business hours as the supervisor edits them: one text per day ("09:00-12:30, 14:00-18:00", empty =
// closed) and the holidays as dates separated by commas, to and from the body of PUT /api/routing/queues/{name}/hours.

export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

const RANGE = /^(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/;
const pad = (time) => (time.length === 4 ? `0${time}` : time);

/** The day texts and holidays of the hours routing answers (no time zone: none, every day empty). */
export function toForm(hours) {
  const days = Object.fromEntries(DAYS.map((day) => [day, (hours?.weekly || [])
    .filter((interval) => interval.day === day)
    .map((interval) => `${interval.start}-${interval.end}`).join(', ')]));
  return { timeZone: hours?.timeZone || '', days, holidays: (hours?.holidays || []).join(', ') };
}

/**
 * The body to send; throws an Error naming the day whose text is not "HH:mm-HH:mm, ..." (the service checks the
 * rest: zone, order, overlaps, dates, and names the field).
 */
export function toBody({ timeZone, days, holidays }) {
  const weekly = [];
  for (const day of DAYS) {
    for (const part of (days[day] || '').split(',').map((p) => p.trim()).filter(Boolean)) {
      const match = RANGE.exec(part);
      if (!match) throw new Error(`${day}: write intervals as 09:00-18:00, separated by commas`);
      weekly.push({ day, start: pad(match[1]), end: pad(match[2]) });
    }
  }
  return {
    timeZone: timeZone.trim(),
    weekly,
    holidays: holidays.split(/[,\s]+/).map((d) => d.trim()).filter(Boolean),
  };
}
