// Reconnect delays: exponential ceilings with full jitter. Pure logic (node --test checks it).
//
// When the gateway or session-service restarts, thousands of pages lose their socket in the same instant and must
// not all come back in the same instant: each delay is drawn anywhere below its ceiling, and the ceiling doubles on
// every failed attempt up to the maximum.

export const BACKOFF = Object.freeze({
  firstCeilingMs: 1000, // ceiling of the first retry
  maxCeilingMs: 30000,
  minDelayMs: 100,
  // A socket counts as healthy again (back-off starts over) only after staying open this long, so a server that
  // accepts and drops at once is not hammered at the first retry's pace.
  stableMs: 10000,
});

export class Backoff {
  constructor(settings = BACKOFF, random = Math.random) {
    this.settings = settings;
    this.random = random;
    this.attempt = 0;
  }

  /** The ceiling of the next delay. */
  ceiling() {
    return Math.min(this.settings.maxCeilingMs, this.settings.firstCeilingMs * 2 ** this.attempt);
  }

  /** The next delay in ms; each call counts one more failed attempt. */
  next() {
    const delay = Math.max(this.settings.minDelayMs, this.random() * this.ceiling());
    this.attempt += 1;
    return delay;
  }

  reset() {
    this.attempt = 0;
  }
}
