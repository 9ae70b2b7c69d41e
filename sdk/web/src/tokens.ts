import type { AuthResponse, Session } from './types.js';

/** Refresh this long before the access token expires, so a request in flight does not carry an expired token. */
export const REFRESH_MARGIN_MS = 30_000;

/** The session the SDK keeps for a token answer received at `now`. */
export function sessionFrom(response: AuthResponse, now: number, previous?: Session): Session {
  const session: Session = {
    accessToken: response.access_token,
    expiresAt: now + response.expires_in * 1000,
    user: response.user,
    mfaEnrollmentRequired: response.mfa_enrollment_required === true,
  };
  const refreshToken = response.refresh_token ?? previous?.refreshToken;
  if (refreshToken !== undefined) {
    session.refreshToken = refreshToken;
  }
  return session;
}

/**
 * Whether the session's access token should be refreshed now: within the margin of its expiry. The margin shrinks for
 * very short tokens (a tenth of the lifetime left at least), so a 5-second token is not refreshed in a loop.
 */
export function needsRefresh(session: Pick<Session, 'expiresAt'>, now: number, lifetimeMs?: number): boolean {
  return session.expiresAt - now <= refreshMargin(lifetimeMs);
}

/** How long before expiry a token of this lifetime is refreshed. */
export function refreshMargin(lifetimeMs?: number): number {
  return lifetimeMs === undefined ? REFRESH_MARGIN_MS : Math.min(REFRESH_MARGIN_MS, Math.max(1000, lifetimeMs / 4));
}

/** The claims of a JWT (not verified: the server verifies; the SDK only reads `exp` and friends). */
export function decodeClaims(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) {
    return null;
  }
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const text = typeof atob === 'function' ? atob(base64) : '';
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Reads a stored session, or null for nothing or something unreadable. */
export function parseSession(text: string | null): Session | null {
  if (!text) {
    return null;
  }
  try {
    const value = JSON.parse(text) as Session;
    return typeof value.accessToken === 'string' && typeof value.expiresAt === 'number' && value.user ? value : null;
  } catch {
    return null;
  }
}
