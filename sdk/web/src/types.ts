/** A user as JwtAuthKit returns it. */
export interface User {
  id: string;
  email: string;
  email_verified: boolean;
  is_active: boolean;
  name: string | null;
  roles: string[];
  mfa_enabled: boolean;
  created_at: string;
  last_login_at: string | null;
}

/** A signed-in session as the SDK keeps it. */
export interface Session {
  accessToken: string;
  /** Absent with cookie transport: the refresh token then lives in an HttpOnly cookie. */
  refreshToken?: string;
  /** When the access token expires, in milliseconds since the epoch (client clock). */
  expiresAt: number;
  user: User;
  mfaEnrollmentRequired: boolean;
}

/** The server's token answer (API.md `AuthResponse`). */
export interface AuthResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  user: User;
  mfa_enrollment_required?: boolean;
}

/** The first step's answer for a user with a second factor. */
export interface MfaRequired {
  mfa_required: true;
  mfa_token: string;
}

/** What a sign-in gives: a session, or the MFA step to finish with `verifyMfa`. */
export type SignInResult =
  | { status: 'signed_in'; session: Session }
  | { status: 'mfa_required'; mfaToken: string };

/** One of the user's sessions (`GET /sessions`). */
export interface SessionInfo {
  id: string;
  created_at: string;
  last_used_at: string;
  ip: string | null;
  user_agent: string | null;
  current: boolean;
}

/** The events `onAuthStateChange` reports. */
export type AuthEvent = 'SIGNED_IN' | 'SIGNED_OUT' | 'TOKEN_REFRESHED' | 'USER_UPDATED' | 'MFA_REQUIRED';
