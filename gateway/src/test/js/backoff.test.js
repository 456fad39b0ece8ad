// Reconnect back-off (js/backoff.js): exponential ceilings, full jitter, a floor, a reset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Backoff, BACKOFF } from '../../main/resources/META-INF/resources/js/backoff.js';

test('ceilings double from the first one up to the maximum', () => {
  const backoff = new Backoff(BACKOFF, () => 0.999999);
  const delays = Array.from({ length: 8 }, () => Math.round(backoff.next()));
  assert.deepEqual(delays, [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
});

test('each delay is drawn below its ceiling (full jitter), never below the floor', () => {
  const draws = [0.5, 0, 0.25];
  const backoff = new Backoff(BACKOFF, () => draws.shift());
  assert.equal(backoff.next(), 500);
  assert.equal(backoff.next(), BACKOFF.minDelayMs);
  assert.equal(backoff.next(), 1000);
});

test('pages cut at the same instant do not all come back at the same instant', () => {
  const delays = Array.from({ length: 1000 }, () => new Backoff().next());
  const spread = Math.max(...delays) - Math.min(...delays);
  assert.ok(spread > BACKOFF.firstCeilingMs / 2, `delays spread over ${spread} ms`);
  assert.ok(delays.every((d) => d >= BACKOFF.minDelayMs && d <= BACKOFF.firstCeilingMs));
});

test('a reset starts over from the first ceiling', () => {
  const backoff = new Backoff(BACKOFF, () => 0.999999);
  backoff.next();
  backoff.next();
  backoff.reset();
  assert.equal(Math.round(backoff.next()), 1000);
});
