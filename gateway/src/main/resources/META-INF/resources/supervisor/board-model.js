// The live board's pure logic (no DOM): the chart of the last hour as SVG points, and time in state.
const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60 * MS_PER_SECOND;

/**
 * The points of a queue's chart: one per minute of the window, oldest left, minutes without a sample at 0 waiting
 * (nothing was recorded because nothing ran, or the queue is new). The scale is the window's own peak (at least 1).
 * @returns {{points: string, peak: number}} `points` for an SVG polyline of the given size
 */
export function chartPoints(samples, { now, windowMinutes = 60, width = 120, height = 24 }) {
  const lastMinute = Math.floor(now / MS_PER_MINUTE);
  const byMinute = new Map((samples || []).map((p) => [Math.floor(Date.parse(p.minute) / MS_PER_MINUTE), p.waiting]));
  const values = [];
  for (let i = windowMinutes - 1; i >= 0; i--) values.push(byMinute.get(lastMinute - i) ?? 0);
  const peak = Math.max(1, ...values);
  const step = windowMinutes > 1 ? width / (windowMinutes - 1) : 0;
  const points = values.map((v, i) => `${round(i * step)},${round(height - (v / peak) * height)}`).join(' ');
  return { points, peak: Math.max(...values) };
}

/** Whole seconds from an ISO instant to now (0 when absent or in the future: clocks differ a little). */
export function secondsSince(iso, now) {
  const since = Date.parse(iso);
  return Number.isNaN(since) ? 0 : Math.max(0, Math.floor((now - since) / MS_PER_SECOND));
}

/** A signature of what the live chats list depends on: when it changes, the list is read again (no polling). */
export function chatsSignature(frame) {
  const queues = (frame.queues || []).map((q) => `${q.queue}:${q.waiting}:${q.offered}:${q.accepted}:${q.abandoned}`);
  const agents = (frame.agents || []).map((a) => `${a.id}:${a.load}`);
  return [...queues, ...agents].join('|');
}

function round(value) {
  return Math.round(value * 10) / 10;
}
