// Test doubles for what a browser gives the SDK: a Web Locks manager shared by "tabs", and a JwtAuthKit server.

/** A Web Locks manager (exclusive locks by name, `signal` to give up waiting, `steal` to take over). */
export class FakeLocks {
  constructor() {
    this.holders = new Map(); // name -> { release, stolen }
    this.queues = new Map();
  }

  held(name) {
    return this.holders.has(name);
  }

  async request(name, options, callback) {
    if (options.steal) {
      const current = this.holders.get(name);
      if (current) {
        current.stolen = true;
        current.reject(Object.assign(new Error('stolen'), { name: 'AbortError' }));
      }
      this.holders.delete(name);
      return this.#hold(name, callback);
    }
    while (this.holders.has(name)) {
      if (options.signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
      await new Promise((resolve) => {
        const queue = this.queues.get(name) ?? [];
        queue.push(resolve);
        this.queues.set(name, queue);
        options.signal?.addEventListener('abort', resolve, { once: true });
      });
    }
    if (options.signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
    return this.#hold(name, callback);
  }

  async #hold(name, callback) {
    const entry = { stolen: false };
    const stolen = new Promise((_, reject) => { entry.reject = reject; });
    stolen.catch(() => {});
    this.holders.set(name, entry);
    try {
      return await Promise.race([callback(), stolen]);
    } finally {
      if (this.holders.get(name) === entry) this.holders.delete(name);
      const queue = this.queues.get(name) ?? [];
      this.queues.set(name, []);
      queue.forEach((wake) => wake());
    }
  }
}

function base64url(text) {
  return Buffer.from(text).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/** A token whose claims the SDK can read (unsigned: the SDK never verifies, the server does). */
export function fakeJwt(iat, lifetimeSeconds, extra = {}) {
  return [base64url('{"alg":"ES256","typ":"at+jwt"}'), base64url(JSON.stringify({ iat, exp: iat + lifetimeSeconds, ...extra })), 'sig'].join('.');
}

export const user = { id: 'u1', email: 'ada@example.com', email_verified: true, is_active: true, name: 'Ada', roles: ['user'], mfa_enabled: false, created_at: '2026-01-01T00:00:00Z', last_login_at: null };

/**
 * A JwtAuthKit stand-in that rotates refresh tokens like the real one (a rotated token replayed is reuse) and counts
 * calls; `clock` is shared with the clients.
 */
export class FakeServer {
  constructor(clock, { lifetimeSeconds = 900, delayMs = 5 } = {}) {
    this.clock = clock;
    this.lifetimeSeconds = lifetimeSeconds;
    this.delayMs = delayMs;
    this.calls = [];
    this.validRefresh = new Set();
    this.reused = 0;
    this.serial = 0;
    this.mfaUsers = new Set();
    this.staleTokens = new Set();
    this.fetch = this.fetch.bind(this);
  }

  issue() {
    const refresh = 'rt' + ++this.serial;
    this.validRefresh.add(refresh);
    const access = fakeJwt(Math.floor(this.clock.now / 1000), this.lifetimeSeconds, { n: this.serial, sid: this.sid ?? 's1' });
    return { access_token: access, token_type: 'Bearer', expires_in: this.lifetimeSeconds, refresh_token: refresh, refresh_token_expires_in: 3600, user };
  }

  json(status, body, headers = {}) {
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers } });
  }

  async fetch(url, init = {}) {
    const path = new URL(url).pathname;
    const body = init.body ? JSON.parse(init.body) : {};
    const headers = new Headers(init.headers);
    this.calls.push({ path, body, headers });
    await new Promise((resolve) => setTimeout(resolve, this.delays?.[path] ?? this.delayMs));
    switch (path) {
      case '/api/auth/login':
        if (this.mfaUsers.has(body.email)) return this.json(200, { mfa_required: true, mfa_token: 'mfa1' });
        return body.password === 'right' ? this.json(200, this.issue()) : this.json(401, { code: 'invalid_credentials', detail: 'The email or password is incorrect.' });
      case '/api/auth/login/mfa':
        return body.code === '123456' ? this.json(200, this.issue()) : this.json(401, { code: 'invalid_mfa_code' });
      case '/api/auth/token/refresh':
        if (!this.validRefresh.delete(body.refresh_token)) {
          this.reused++;
          return this.json(401, { code: 'refresh_token_reused' });
        }
        return this.json(200, this.issue());
      case '/api/auth/logout':
        return new Response(null, { status: 204 });
      case '/api/auth/me': {
        const token = headers.get('Authorization')?.slice(7);
        if (this.staleTokens.has(token)) return this.json(401, { code: 'token_stale' });
        return token ? this.json(200, user) : this.json(401, { code: 'unauthorized' });
      }
      case '/api/auth/otp':
        return new Response(null, { status: 202 });
      default:
        return this.json(404, { code: 'not_found' });
    }
  }

  count(path) {
    return this.calls.filter((c) => c.path === path).length;
  }
}

export function clock(start = Date.UTC(2026, 11, 1)) {
  const c = { now: start };
  c.fn = () => c.now;
  return c;
}

export const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
