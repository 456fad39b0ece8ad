// Token claims and renewal timing (js/jwt.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimsOf, isLive, renewalDelay, RENEWAL } from '../../main/resources/META-INF/resources/js/jwt.js';

const b64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims) => `${b64url({ alg: 'RS256' })}.${b64url(claims)}.signature`;

test('claims are read from the payload, names with accents included', () => {
  assert.deepEqual(claimsOf(jwt({ sub: 'agent3', name: 'Chloé Durand' })), { sub: 'agent3', name: 'Chloé Durand' });
  assert.equal(claimsOf('not a token'), null);
  assert.equal(claimsOf(null), null);
});

test('a token is live until its exp', () => {
  const token = jwt({ exp: 100 });
  assert.equal(isLive(token, 99_999), true);
  assert.equal(isLive(token, 100_000), false);
  assert.equal(isLive(jwt({ sub: 'x' }), 0), true, 'no exp: nothing ends it');
  assert.equal(isLive('garbage', 0), false);
});

test('renewal comes after three quarters of the lifetime, well before exp', () => {
  const iat = 1_000;
  const token = jwt({ iat, exp: iat + 8 * 3600 }); // the contact token's 8 h
  assert.equal(renewalDelay(token, iat * 1000), 6 * 3600 * 1000);
  assert.equal(renewalDelay(token, (iat + 3600) * 1000), 5 * 3600 * 1000);
});

test('a short-lived token renews before it ends too', () => {
  const token = jwt({ iat: 0, exp: 20 });
  const delay = renewalDelay(token, 0);
  assert.equal(delay, 15_000);
  assert.ok(delay < 20_000);
});

test('a token past its renewal point renews soon, not in a tight loop; without exp never', () => {
  const token = jwt({ iat: 0, exp: 100 });
  assert.equal(renewalDelay(token, 99_000), RENEWAL.floorMs);
  assert.equal(renewalDelay(jwt({ sub: 'x' }), 0), null);
});
