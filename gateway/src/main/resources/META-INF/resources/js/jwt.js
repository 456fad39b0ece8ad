// Reading (not verifying: the services do that) a JWT's claims in the page, and when to renew it. Pure logic.

/** The payload of a JWT, or null when it is not one. */
export function claimsOf(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent([...atob(part)]
      .map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/** Whether the token is a JWT whose exp (if any) is still ahead. */
export function isLive(token, now = Date.now()) {
  const claims = token && claimsOf(token);
  return Boolean(claims) && !(claims.exp && claims.exp * 1000 <= now);
}

export const RENEWAL = Object.freeze({
  // Renew once this share of the lifetime has passed (sockets close with 4401 at exp), so a slow or refused
  // renewal still leaves a quarter of the lifetime to try again.
  lifetimeShare: 0.75,
  // Retry a failed renewal after this long (while the token lives).
  retryMs: 15000,
  // Never schedule sooner than this (a token about to expire renews at once, not in a tight loop).
  floorMs: 1000,
});

/**
 * Milliseconds from now until the token should be renewed; null when it carries no exp (nothing to renew).
 * A token already past its renewal point renews after the floor.
 */
export function renewalDelay(token, now = Date.now(), settings = RENEWAL) {
  const claims = claimsOf(token);
  if (!claims?.exp) return null;
  const expiresAt = claims.exp * 1000;
  const issuedAt = claims.iat ? claims.iat * 1000 : now;
  const lifetime = Math.max(0, expiresAt - issuedAt);
  return Math.max(settings.floorMs, issuedAt + lifetime * settings.lifetimeShare - now);
}
