import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAuthClient, AuthError } from '../dist/index.js';
import { FakeLocks, FakeServer, clock, tick } from './fakes.mjs';

function sharedStorage() {
  const items = new Map();
  return { items, getItem: async (k) => items.get(k) ?? null, setItem: async (k, v) => { items.set(k, v); }, removeItem: async (k) => { items.delete(k); } };
}

function tab(server, c, storage, locks, extra = {}) {
  return createAuthClient({ baseUrl: 'https://auth.test', apiKey: 'pk_test', storage, fetch: server.fetch, now: c.fn, locks, storageKey: extra.key ?? 'jak.test', ...extra });
}

async function signedIn(client) {
  const result = await client.signIn({ email: 'ada@example.com', password: 'right' });
  assert.equal(result.status, 'signed_in');
  return result.session;
}

test('sign-in keeps the session, sends the API key, and a wrong password is a typed error', async () => {
  const c = clock();
  const server = new FakeServer(c);
  const client = tab(server, c, 'memory', null, { broadcastChannel: null });
  await assert.rejects(client.signIn({ email: 'ada@example.com', password: 'wrong' }), (error) => error instanceof AuthError && error.code === 'invalid_credentials' && error.status === 401);
  const session = await signedIn(client);
  assert.equal(server.calls.at(-1).headers.get('X-Api-Key'), 'pk_test');
  assert.equal((await client.getSession()).accessToken, session.accessToken);
  assert.equal(await client.getAccessToken(), session.accessToken, 'a fresh token is not refreshed');
  assert.equal(server.count('/api/auth/token/refresh'), 0);
  client.close();
});

test('five callers in one tab near expiry cause one refresh', async () => {
  const c = clock();
  const server = new FakeServer(c);
  const client = tab(server, c, 'memory', null, { broadcastChannel: null });
  await signedIn(client);
  c.now += 890_000;
  const tokens = await Promise.all(Array.from({ length: 5 }, () => client.getAccessToken()));
  assert.equal(server.count('/api/auth/token/refresh'), 1);
  assert.equal(new Set(tokens).size, 1);
  client.close();
});

test('four tabs whose tokens expire together stay signed in through twenty rounds with no reuse', async () => {
  const c = clock();
  const server = new FakeServer(c, { lifetimeSeconds: 5 });
  const storage = sharedStorage();
  const locks = new FakeLocks();
  const tabs = Array.from({ length: 4 }, () => tab(server, c, storage, locks));
  await signedIn(tabs[0]);
  await tick(5);
  for (let round = 0; round < 20; round++) {
    c.now += 6_000;
    const tokens = await Promise.all(tabs.map((t) => t.getAccessToken()));
    assert.ok(tokens.every((t) => typeof t === 'string'), `round ${round}: every tab has a token`);
    assert.equal(new Set(tokens).size, 1, `round ${round}: every tab uses the one new token`);
  }
  assert.equal(server.count('/api/auth/token/refresh'), 20, 'one refresh per round for all four tabs');
  assert.equal(server.reused, 0, 'no refresh token was ever presented twice');
  tabs.forEach((t) => t.close());
});

test('no listener runs while the refresh lock is held', async () => {
  const c = clock();
  const server = new FakeServer(c);
  const locks = new FakeLocks();
  const client = tab(server, c, sharedStorage(), locks, { broadcastChannel: null });
  await signedIn(client);
  const heldDuringCallback = [];
  client.onAuthStateChange((event) => heldDuringCallback.push([event, locks.held('jak.test.refresh')]));
  c.now += 899_000;
  await client.getAccessToken();
  await tick(5);
  assert.deepEqual(heldDuringCallback, [['TOKEN_REFRESHED', false]]);
  client.close();
});

test('signing out in one tab signs out the others', async () => {
  const c = clock();
  const server = new FakeServer(c);
  const storage = sharedStorage();
  const locks = new FakeLocks();
  const one = tab(server, c, storage, locks, { key: 'jak.signout' });
  const two = tab(server, c, storage, locks, { key: 'jak.signout' });
  await signedIn(one);
  await tick(5);
  assert.ok(await two.getSession(), 'the second tab sees the session');
  const events = [];
  two.onAuthStateChange((event) => events.push(event));

  await one.signOut();
  await tick(20);

  assert.equal(await two.getSession(), null);
  assert.deepEqual(events, ['SIGNED_OUT']);
  assert.equal(server.calls.at(-1).body.refresh_token?.startsWith('rt'), true, 'the session was ended on the server by its refresh token');
  one.close();
  two.close();
});

test('a dead refresh token signs the user out and says so', async () => {
  const c = clock();
  const server = new FakeServer(c);
  const client = tab(server, c, 'memory', null, { broadcastChannel: null });
  await signedIn(client);
  server.validRefresh.clear();
  const events = [];
  client.onAuthStateChange((event) => events.push(event));
  c.now += 900_000;
  assert.equal(await client.getAccessToken(), null);
  await tick(5);
  assert.deepEqual(events, ['SIGNED_OUT']);
  assert.equal(await client.getSession(), null);
  client.close();
});

test('the MFA step: sign-in answers mfa_required, verifyMfa signs in, events in order', async () => {
  const c = clock();
  const server = new FakeServer(c);
  server.mfaUsers.add('ada@example.com');
  const client = tab(server, c, 'memory', null, { broadcastChannel: null });
  const events = [];
  client.onAuthStateChange((event) => events.push(event));
  const first = await client.signIn({ email: 'ada@example.com', password: 'right' });
  assert.deepEqual(first, { status: 'mfa_required', mfaToken: 'mfa1' });
  assert.equal(await client.getSession(), null);
  await assert.rejects(client.verifyMfa({ mfaToken: 'mfa1', code: '000000' }), { code: 'invalid_mfa_code' });
  const session = await client.verifyMfa({ mfaToken: 'mfa1', code: '123456' });
  assert.equal(server.calls.at(-1).body.mfa_token, 'mfa1');
  assert.ok(session.accessToken);
  await tick(5);
  assert.deepEqual(events, ['MFA_REQUIRED', 'SIGNED_IN']);
  client.close();
});

test('the fetch wrapper adds the token and, on token_stale, refreshes once and retries', async () => {
  const c = clock();
  const server = new FakeServer(c);
  const client = tab(server, c, 'memory', null, { broadcastChannel: null });
  const session = await signedIn(client);
  server.staleTokens.add(session.accessToken);
  const response = await client.fetch('https://auth.test/api/auth/me');
  assert.equal(response.status, 200);
  assert.equal(server.count('/api/auth/token/refresh'), 1);
  const [stale, retried] = server.calls.filter((call) => call.path === '/api/auth/me');
  assert.equal(stale.headers.get('Authorization'), 'Bearer ' + session.accessToken);
  assert.notEqual(retried.headers.get('Authorization'), stale.headers.get('Authorization'));
  client.close();
});

test('cookie transport: the refresh token never reaches JavaScript and requests carry the transport header', async () => {
  const c = clock();
  const server = new FakeServer(c);
  const original = server.issue.bind(server);
  server.issue = () => {
    const body = original();
    server.lastCookie = body.refresh_token;
    delete body.refresh_token;
    return body;
  };
  const storage = sharedStorage();
  const client = tab(server, c, storage, null, { broadcastChannel: null, transport: 'cookie' });
  const session = await signedIn(client);
  assert.equal(session.refreshToken, undefined);
  assert.equal(server.calls.at(-1).headers.get('X-Refresh-Token-Transport'), 'cookie');
  assert.ok(![...storage.items.values()].some((v) => v.includes('rt')), 'no refresh token in storage');
  server.validRefresh.add(undefined); // The fake server reads the cookie as the absent body field.
  c.now += 899_000;
  await client.getAccessToken();
  const refresh = server.calls.find((call) => call.path === '/api/auth/token/refresh');
  assert.equal(refresh.body.refresh_token, undefined, 'the body carries no refresh token');
  assert.equal(refresh.headers.get('X-Refresh-Token-Transport'), 'cookie');
  client.close();
});

test('the magic-link landing page signs in and cleans the token from the address', async () => {
  const c = clock();
  const server = new FakeServer(c);
  server.fetch = async (url, init) => (new URL(url).pathname === '/api/auth/magic-link/verify'
    ? server.json(200, server.issue()) : FakeServer.prototype.fetch.call(server, url, init));
  const client = tab(server, c, 'memory', null, { broadcastChannel: null });
  let replaced = null;
  const result = await client.handleMagicLinkRedirect({ href: 'https://app.test/welcome?token=abc&x=1#top' }, { replaceState: (_d, _u, url) => { replaced = url; } });
  assert.equal(result.status, 'signed_in');
  assert.equal(replaced, '/welcome?x=1#top');
  assert.equal(await client.handleMagicLinkRedirect({ href: 'https://app.test/welcome' }, undefined), null);
  client.close();
});

test('the session refreshes on its own shortly before the access token expires', async () => {
  const c = { now: Date.now() };
  c.fn = () => Date.now();
  const server = new FakeServer(c, { lifetimeSeconds: 2 });
  const client = createAuthClient({ baseUrl: 'https://auth.test', storage: 'memory', fetch: server.fetch, locks: null, broadcastChannel: null });
  const events = [];
  client.onAuthStateChange((event) => events.push(event));
  await client.signIn({ email: 'ada@example.com', password: 'right' });
  await tick(1800);
  assert.equal(server.count('/api/auth/token/refresh'), 1, 'refreshed within the last quarter of a 2 s token, without any call');
  assert.ok(events.includes('TOKEN_REFRESHED'));
  client.close();
});

test('a tab whose storage lags behind another tab\'s write uses the session the channel brought, and sends no refresh', async () => {
  const c = clock();
  const server = new FakeServer(c);
  const locks = new FakeLocks();
  // Two storages that never see each other's writes: the worst case of Web Storage propagating late between tabs.
  const storageA = sharedStorage();
  const storageB = sharedStorage();
  const a = tab(server, c, storageA, locks, { key: 'jak.lag' });
  const b = tab(server, c, storageB, locks, { key: 'jak.lag' });
  await signedIn(a);
  await tick(10);
  c.now += 899_000;
  const [tokenA, tokenB] = await Promise.all([a.getAccessToken(), b.getAccessToken()]);
  assert.equal(tokenA, tokenB);
  assert.equal(server.count('/api/auth/token/refresh'), 1);
  assert.equal(server.reused, 0);
  a.close();
  b.close();
});

test('a refresh still under way in one tab when another signs out does not bring the session back', { timeout: 5000 }, async () => {
  const c = clock();
  const server = new FakeServer(c);
  server.delays = { '/api/auth/token/refresh': 80 };  // a slow refresh, a quick logout
  const storage = sharedStorage();
  const locks = new FakeLocks();
  const one = tab(server, c, storage, locks, { key: 'jak.late' });
  const two = tab(server, c, storage, locks, { key: 'jak.late' });
  await signedIn(one);
  await tick(60);
  c.now += 899_000;
  const lateRefresh = two.getAccessToken();        // in flight for 80 ms
  await tick(10);
  await one.signOut();                             // lands while the refresh is still under way
  await lateRefresh;
  await tick(60);
  assert.equal(await one.getSession(), null, 'the signed-out tab stays signed out');
  assert.equal(await two.getSession(), null, 'the refreshing tab does not keep the ended session');
  assert.equal(storage.items.size, 0);
  one.close();
  two.close();
});
