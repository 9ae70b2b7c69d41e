import { RefreshCoordinator, type LockManagerLike } from './coordinator.js';
import { AuthError } from './errors.js';
import { EventBus, type AuthListener } from './events.js';
import { resolveStorage, type AuthStorage, type StorageOption } from './storage.js';
import { TabLink, type ChannelLike, type TabMessage } from './tabs.js';
import { decodeClaims, needsRefresh, parseSession, refreshMargin, sessionFrom } from './tokens.js';
import type { AuthEvent, AuthResponse, MfaRequired, Session, SessionInfo, SignInResult, User } from './types.js';

/** How long a tab keeps the refresh lock after a refresh, for the channel to carry the new session to the others. */
const HANDOFF_MS = 25;

/** Options of `createAuthClient`. */
export interface AuthClientOptions {
  /** Where JwtAuthKit runs, e.g. `https://auth.example.com` (the `/api/auth` prefix is added). */
  baseUrl: string;
  /** The application's publishable key (`pk_…`); may be left out when the server has one application. */
  apiKey?: string;
  /** Where the session is kept. Default `memory`. */
  storage?: StorageOption;
  /** `cookie`: the refresh token is kept by the browser in an HttpOnly cookie, never seen by JavaScript. */
  transport?: 'body' | 'cookie';
  /** The key under which the session is stored (and the name of the cross-tab lock and channel). */
  storageKey?: string;
  /** The end-user API's path. Default `/api/auth`. */
  authPath?: string;
  /** Refresh shortly before the access token expires without waiting for a call. Default true. */
  autoRefresh?: boolean;
  /** How long to wait for another tab's refresh before taking over. Default 10 s. */
  lockTimeoutMs?: number;
  /** Overrides for tests and unusual platforms. */
  fetch?: typeof fetch;
  locks?: LockManagerLike | null;
  broadcastChannel?: (new (name: string) => ChannelLike) | null;
  now?: () => number;
}

/** A JwtAuthKit client for one application. */
export class AuthClient {
  /** The second factor of the signed-in user. */
  readonly mfa: MfaApi;
  private readonly storage: AuthStorage;
  private readonly events = new EventBus();
  private readonly coordinator: RefreshCoordinator<Session | null>;
  private readonly tabs: TabLink;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;
  private readonly base: string;
  private readonly key: string;
  private current: Session | null | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Sessions (their `sid`) signed out here or in another tab: a late refresh of one of them is not taken back in. */
  private readonly ended = new Set<string>();

  constructor(private readonly options: AuthClientOptions) {
    if (!options || typeof options.baseUrl !== 'string' || options.baseUrl.length === 0) {
      throw new TypeError('createAuthClient needs baseUrl, e.g. "https://auth.example.com"');
    }
    this.base = options.baseUrl.replace(/\/+$/, '') + (options.authPath ?? '/api/auth');
    this.key = options.storageKey ?? 'jwtauthkit.session';
    this.storage = resolveStorage(options.storage);
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.now = options.now ?? Date.now;
    const locks = options.locks === null ? undefined : (options.locks ?? (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks);
    this.coordinator = new RefreshCoordinator(this.key + '.refresh', locks, options.lockTimeoutMs ?? 10_000);
    // By default the page's own BroadcastChannel (or its storage events); null turns cross-tab news off.
    const scope = options.broadcastChannel === undefined ? (globalThis as never)
      : options.broadcastChannel === null ? {} : { BroadcastChannel: options.broadcastChannel };
    this.tabs = new TabLink(this.key, this.key, (message) => this.onTabMessage(message), scope);
    this.mfa = new MfaApi(this);
  }

  /** Calls `callback` after every change of the session; returns the function that stops it. */
  onAuthStateChange(callback: AuthListener): () => void {
    return this.events.subscribe(callback);
  }

  /** The stored session, or null; does not refresh. */
  async getSession(): Promise<Session | null> {
    if (this.current === undefined) {
      this.current = parseSession(await this.storage.getItem(this.key));
    }
    return this.current;
  }

  /** A valid access token, refreshed first when it is close to expiry; null when signed out. */
  async getAccessToken(): Promise<string | null> {
    const session = await this.getSession();
    if (!session) {
      return null;
    }
    if (!needsRefresh(session, this.now(), this.lifetimeOf(session))) {
      return session.accessToken;
    }
    const refreshed = await this.refreshSession();
    return refreshed?.accessToken ?? null;
  }

  /** Signs up; answers the user, and a session when the application signs new users in at once. */
  async signUp(input: { email: string; password: string; name?: string }): Promise<{ user: User; session: Session | null }> {
    const body = await this.post<AuthResponse & { user: User }>('/register', input, { transport: true });
    if (!body.access_token) {
      return { user: body.user, session: null };
    }
    return { user: body.user, session: await this.accept(body, 'SIGNED_IN') };
  }

  /** Signs in with email and password; a user with a second factor gets `mfa_required` (finish with `verifyMfa`). */
  signIn(input: { email: string; password: string }): Promise<SignInResult> {
    return this.firstFactor('/login', input);
  }

  /** Finishes a two-step sign-in with the code of the authenticator app or a recovery code. */
  async verifyMfa(input: { mfaToken: string; code?: string; recoveryCode?: string }): Promise<Session> {
    const body = await this.post<AuthResponse>('/login/mfa', { mfa_token: input.mfaToken, code: input.code, recovery_code: input.recoveryCode }, { transport: true });
    return this.accept(body, 'SIGNED_IN');
  }

  /** Emails a sign-in link; `redirectTo` must be one of the application's redirect URLs. */
  async sendMagicLink(input: { email: string; redirectTo?: string }): Promise<void> {
    await this.post('/magic-link', { email: input.email, redirect_to: input.redirectTo });
  }

  /** Signs in with a magic link's token. */
  signInWithMagicLink(token: string): Promise<SignInResult> {
    return this.firstFactor('/magic-link/verify', { token });
  }

  /**
   * On the page a magic link opens: reads `?token=`, signs in, and removes the token from the address bar (so it is
   * neither bookmarked nor sent on as a referrer). Answers null when the page has no token.
   */
  async handleMagicLinkRedirect(location: { href: string } = (globalThis as { location?: { href: string } }).location ?? { href: '' },
    history: { replaceState(data: unknown, unused: string, url?: string): void } | undefined = (globalThis as { history?: History }).history): Promise<SignInResult | null> {
    if (!location.href) {
      return null;
    }
    const url = new URL(location.href);
    const token = url.searchParams.get('token');
    if (!token) {
      return null;
    }
    url.searchParams.delete('token');
    history?.replaceState(null, '', url.pathname + url.search + url.hash);
    return this.signInWithMagicLink(token);
  }

  /** Emails a six-digit sign-in code. */
  async sendEmailCode(email: string): Promise<void> {
    await this.post('/otp', { email });
  }

  /** Signs in with an emailed code. */
  verifyEmailCode(input: { email: string; code: string }): Promise<SignInResult> {
    return this.firstFactor('/otp/verify', input);
  }

  /** Exchanges the refresh token for a new pair, once at a time in this tab and across tabs. */
  refresh(): Promise<Session | null> {
    return this.refreshSession(true);
  }

  /** Signs out of this session (or all of the user's), here and in every other tab. */
  async signOut(options: { allSessions?: boolean } = {}): Promise<void> {
    const session = await this.getSession();
    try {
      if (session) {
        const cookie = this.options.transport === 'cookie';
        await this.request('POST', '/logout', {
          body: { refresh_token: cookie ? undefined : session.refreshToken, all_sessions: options.allSessions === true },
          token: cookie || !session.refreshToken ? session.accessToken : undefined,
          transport: true,
        });
      }
    } catch (error) {
      // The session ends here whatever the server said (it may be gone already).
      if (!(error instanceof AuthError)) {
        throw error;
      }
    } finally {
      await this.clear(true);
    }
  }

  /** The signed-in user, from the server. */
  async getUser(): Promise<User> {
    const user = await this.authorized<User>('GET', '/me');
    await this.updateUser(user);
    return user;
  }

  /** Changes the signed-in user's name. */
  async updateProfile(input: { name: string | null }): Promise<User> {
    const user = await this.authorized<User>('PATCH', '/me', input);
    await this.updateUser(user);
    return user;
  }

  /** Changes the password; the user's other sessions end. */
  async changePassword(input: { currentPassword: string; newPassword: string }): Promise<void> {
    await this.authorized('POST', '/password/change', { current_password: input.currentPassword, new_password: input.newPassword });
  }

  /** Emails a password reset link (always succeeds, whether or not the account exists). */
  async forgotPassword(email: string): Promise<void> {
    await this.post('/password/forgot', { email });
  }

  /** Sets a new password with a reset link's token; every session of the user ends. */
  async resetPassword(input: { token: string; newPassword: string }): Promise<void> {
    await this.post('/password/reset', { token: input.token, new_password: input.newPassword });
  }

  /** Verifies the address with a verification link's token. */
  async verifyEmail(token: string): Promise<User> {
    const user = await this.post<User>('/email/verify', { token });
    if (this.current && this.current.user.id === user.id) {
      await this.updateUser(user);
    }
    return user;
  }

  /** Emails a new verification link. */
  async resendVerification(email: string): Promise<void> {
    await this.post('/email/resend', { email });
  }

  /** The signed-in user's sessions. */
  async listSessions(): Promise<SessionInfo[]> {
    return (await this.authorized<{ items: SessionInfo[] }>('GET', '/sessions')).items;
  }

  /** Ends one of the user's sessions. */
  async endSession(id: string): Promise<void> {
    await this.authorized('DELETE', '/sessions/' + encodeURIComponent(id));
  }

  /**
   * `fetch` with the access token: refreshed when close to expiry, and on a 401 (`token_stale` after a role change,
   * or an expired token) refreshed once and retried. Use it for your own API.
   */
  async fetch(input: string | URL, init: RequestInit = {}): Promise<Response> {
    const token = await this.getAccessToken();
    const send = (bearer: string | null) => {
      const headers = new Headers(init.headers);
      if (bearer) {
        headers.set('Authorization', 'Bearer ' + bearer);
      }
      return this.fetchImpl(input, { ...init, headers });
    };
    const response = await send(token);
    if (response.status !== 401 || !token) {
      return response;
    }
    const code = await AuthError.fromResponse(response.clone()).then((e) => e.code, () => 'unauthorized');
    if (code === 'session_revoked') {
      await this.clear(true);
      return response;
    }
    const refreshed = await this.refreshSession(true);
    return refreshed ? send(refreshed.accessToken) : response;
  }

  /** Stops listening to other tabs and stops the automatic refresh. */
  close(): void {
    this.tabs.close();
    this.schedule(null);
  }

  /** Starts the automatic refresh for a stored session (call after a reload; sign-ins start it themselves). */
  async start(): Promise<Session | null> {
    const session = await this.getSession();
    this.schedule(session);
    return session;
  }

  private schedule(session: Session | null): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (!session || this.options.autoRefresh === false) {
      return;
    }
    const delay = Math.max(0, session.expiresAt - refreshMargin(this.lifetimeOf(session)) - this.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refreshSession().catch(() => {
        // Offline or the server is down: try again a little later, the session is kept.
        this.schedule(this.current ?? null);
      });
    }, delay);
    (this.timer as { unref?: () => void }).unref?.();
  }

  /** @internal */
  async authorized<T>(method: string, path: string, body?: unknown): Promise<T> {
    const token = await this.getAccessToken();
    if (!token) {
      throw new AuthError('unauthorized', 401, 'Sign in first.');
    }
    try {
      return await this.request<T>(method, path, { body, token });
    } catch (error) {
      if (error instanceof AuthError && error.status === 401 && (error.code === 'token_stale' || error.code === 'unauthorized')) {
        const refreshed = await this.refreshSession(true);
        if (refreshed) {
          return this.request<T>(method, path, { body, token: refreshed.accessToken });
        }
      }
      if (error instanceof AuthError && error.code === 'session_revoked') {
        await this.clear(true);
      }
      throw error;
    }
  }

  private async firstFactor(path: string, body: unknown): Promise<SignInResult> {
    const answer = await this.post<AuthResponse | MfaRequired>(path, body, { transport: true });
    if ('mfa_required' in answer && answer.mfa_required) {
      this.events.emit('MFA_REQUIRED', null);
      return { status: 'mfa_required', mfaToken: answer.mfa_token };
    }
    return { status: 'signed_in', session: await this.accept(answer as AuthResponse, 'SIGNED_IN') };
  }

  private refreshSession(force = false): Promise<Session | null> {
    const seen = this.current?.accessToken;
    let event: AuthEvent | null = null;
    return this.coordinator.run(async (stolen) => {
      // Inside the lock: another tab may have refreshed while this one waited. Its session reaches this tab by the
      // channel (already in `current`) or by shared storage, whichever came first: Web Storage is not guaranteed to
      // show another tab's write at once, so both are looked at.
      const fromTab = this.current;
      this.current = undefined;
      const stored = await this.getSession();
      const renewed = [fromTab, stored].find((s): s is Session => !!s && s.accessToken !== seen && !needsRefresh(s, this.now(), this.lifetimeOf(s)));
      if (renewed) {
        if (renewed !== stored) {
          await this.store(renewed);
        }
        this.current = renewed;
        return renewed;
      }
      if (!stored) {
        return null;
      }
      if (!force && !needsRefresh(stored, this.now(), this.lifetimeOf(stored))) {
        return stored;
      }
      const cookie = this.options.transport === 'cookie';
      if (!cookie && !stored.refreshToken) {
        return null;
      }
      try {
        const body = await this.request<AuthResponse>('POST', '/token/refresh', { body: cookie ? {} : { refresh_token: stored.refreshToken }, transport: true, signal: stolen });
        if (stolen.aborted) {
          // Another tab took over the refresh; what it stores wins.
          return this.getSession();
        }
        if (this.isEnded(stored)) {
          // Signed out (here or in another tab) while the refresh was under way: the session stays ended.
          return null;
        }
        const session = sessionFrom(body, this.now(), stored);
        await this.store(session);
        this.tabs.post({ type: 'session', session });
        event = 'TOKEN_REFRESHED';
        // Hold the lock a moment, so the news reaches the other tabs before the next one is let in.
        await new Promise((resolve) => setTimeout(resolve, HANDOFF_MS));
        return session;
      } catch (error) {
        if (error instanceof AuthError && error.status === 401) {
          // The refresh token is dead (expired, revoked, reused): the session is over.
          await this.clear(false);
          this.tabs.post({ type: 'signed_out' });
          event = 'SIGNED_OUT';
          return null;
        }
        throw error;
      }
    }, (session) => {
      // After the lock is released: listeners never run while it is held.
      if (event) {
        this.events.emit(event, session);
      }
    });
  }

  private async accept(body: AuthResponse, event: AuthEvent): Promise<Session> {
    const session = sessionFrom(body, this.now());
    await this.store(session);
    this.tabs.post({ type: 'session', session });
    this.events.emit(event, session);
    return session;
  }

  private async updateUser(user: User): Promise<void> {
    const session = await this.getSession();
    if (session && session.user.id === user.id) {
      const updated = { ...session, user };
      await this.store(updated);
      this.tabs.post({ type: 'session', session: updated });
      this.events.emit('USER_UPDATED', updated);
    }
  }

  private async store(session: Session): Promise<void> {
    this.current = session;
    this.schedule(session);
    await this.storage.setItem(this.key, JSON.stringify(session));
  }

  private async clear(announce: boolean): Promise<void> {
    const session = await this.getSession();
    const had = session !== null;
    const sid = session ? sidOf(session) : undefined;
    if (sid) {
      this.ended.add(sid);
    }
    this.current = null;
    this.schedule(null);
    await this.storage.removeItem(this.key);
    if (announce) {
      this.tabs.post(sid ? { type: 'signed_out', sid } : { type: 'signed_out' });
      if (had) {
        this.events.emit('SIGNED_OUT', null);
      }
    }
  }

  private onTabMessage(message: TabMessage): void {
    if (message.type === 'signed_out') {
      if (message.sid) {
        this.ended.add(message.sid);
      }
      const had = this.current !== null && this.current !== undefined;
      this.current = null;
      this.schedule(null);
      void Promise.resolve(this.storage.removeItem(this.key)).then(() => {
        if (had) {
          this.events.emit('SIGNED_OUT', null);
        }
      });
      return;
    }
    if (this.isEnded(message.session)) {
      return; // A late refresh of a session already signed out.
    }
    const before = this.current;
    this.current = message.session;
    this.schedule(message.session);
    void Promise.resolve(this.storage.setItem(this.key, JSON.stringify(message.session))).then(() => {
      this.events.emit(before ? 'TOKEN_REFRESHED' : 'SIGNED_IN', message.session);
    });
  }

  private isEnded(session: Session): boolean {
    const sid = sidOf(session);
    return sid !== undefined && this.ended.has(sid);
  }

  private lifetimeOf(session: Session): number | undefined {
    const claims = decodeClaims(session.accessToken);
    return claims && typeof claims.exp === 'number' && typeof claims.iat === 'number' ? (claims.exp - claims.iat) * 1000 : undefined;
  }

  private post<T = unknown>(path: string, body: unknown, options: { transport?: boolean } = {}): Promise<T> {
    return this.request<T>('POST', path, { body, transport: options.transport });
  }

  private async request<T>(method: string, path: string, options: { body?: unknown; token?: string | undefined; transport?: boolean | undefined; signal?: AbortSignal } = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.options.apiKey) {
      headers['X-Api-Key'] = this.options.apiKey;
    }
    if (options.token) {
      headers.Authorization = 'Bearer ' + options.token;
    }
    const cookie = this.options.transport === 'cookie';
    if (cookie && options.transport) {
      headers['X-Refresh-Token-Transport'] = 'cookie';
    }
    let payload: string | undefined;
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(options.body);
    }
    let response: Response;
    try {
      const init: RequestInit = { method, headers };
      if (payload !== undefined) {
        init.body = payload;
      }
      if (cookie) {
        init.credentials = 'include';
      }
      if (options.signal) {
        init.signal = options.signal;
      }
      response = await this.fetchImpl(this.base + path, init);
    } catch (error) {
      throw new AuthError('network_error', 0, error instanceof Error ? error.message : 'The server could not be reached.');
    }
    if (!response.ok) {
      throw await AuthError.fromResponse(response);
    }
    if (response.status === 204 || response.status === 202) {
      return undefined as T;
    }
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** The signed-in user's second factor (`/mfa/*`). */
export class MfaApi {
  constructor(private readonly client: AuthClient) {}

  /** Begins TOTP setup: show `otpauthUri` as a QR code (or `secret` to type), then call `confirmTotp`. */
  async setupTotp(): Promise<{ secret: string; otpauthUri: string }> {
    const body = await this.client.authorized<{ secret: string; otpauth_uri: string }>('POST', '/mfa/totp/setup');
    return { secret: body.secret, otpauthUri: body.otpauth_uri };
  }

  /** Confirms setup with a code; answers the ten recovery codes, shown this once. */
  async confirmTotp(code: string): Promise<string[]> {
    return (await this.client.authorized<{ recovery_codes: string[] }>('POST', '/mfa/totp/confirm', { code })).recovery_codes;
  }

  /** Turns MFA off with a current code or the password. */
  async disableTotp(proof: { code?: string; password?: string }): Promise<void> {
    await this.client.authorized('POST', '/mfa/totp/disable', proof);
  }

  /** Makes new recovery codes (the old ones stop working) with a current code or the password. */
  async regenerateRecoveryCodes(proof: { code?: string; password?: string }): Promise<string[]> {
    return (await this.client.authorized<{ recovery_codes: string[] }>('POST', '/mfa/recovery-codes', proof)).recovery_codes;
  }
}

/** The session id (`sid`) an access token names. */
function sidOf(session: Session): string | undefined {
  const sid = decodeClaims(session.accessToken)?.sid;
  return typeof sid === 'string' ? sid : undefined;
}

/** Creates a client for one application. */
export function createAuthClient(options: AuthClientOptions): AuthClient {
  return new AuthClient(options);
}
