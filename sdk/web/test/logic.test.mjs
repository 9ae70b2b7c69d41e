import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RefreshCoordinator, EventBus, memoryStorage, webStorage, needsRefresh, decodeClaims } from '../dist/index.js';
import { resolveStorage } from '../dist/storage.js';
import { sessionFrom, parseSession } from '../dist/tokens.js';
import { FakeLocks, fakeJwt, tick, user } from './fakes.mjs';

test('a token is refreshed within 30 s of expiry, and within a quarter of its life for short tokens', () => {
  const now = 1_000_000;
  assert.equal(needsRefresh({ expiresAt: now + 31_000 }, now), false);
  assert.equal(needsRefresh({ expiresAt: now + 29_000 }, now), true);
  assert.equal(needsRefresh({ expiresAt: now + 2_000 }, now, 5_000), false, 'a 5 s token is not refreshed the moment it arrives');
  assert.equal(needsRefresh({ expiresAt: now + 1_000 }, now, 5_000), true);
  assert.equal(needsRefresh({ expiresAt: now - 1 }, now), true);
});

test('a session keeps its refresh token when the answer has none (cookie transport) and reads claims', () => {
  const token = fakeJwt(100, 900, { sub: 'u1' });
  const first = sessionFrom({ access_token: token, expires_in: 900, refresh_token: 'r1', user }, 5_000);
  assert.equal(first.expiresAt, 5_000 + 900_000);
  const next = sessionFrom({ access_token: token, expires_in: 900, user, mfa_enrollment_required: true }, 6_000, first);
  assert.equal(next.refreshToken, 'r1');
  assert.equal(next.mfaEnrollmentRequired, true);
  assert.equal(decodeClaims(token).sub, 'u1');
  assert.equal(decodeClaims('nonsense'), null);
  assert.equal(parseSession('{not json'), null);
  assert.equal(parseSession(JSON.stringify({ accessToken: 'a' })), null, 'a session without expiry or user is not used');
  assert.deepEqual(parseSession(JSON.stringify(first)), first);
});

test('storage adapters: memory, Web Storage, custom async objects, and a clear error for anything else', async () => {
  const memory = memoryStorage();
  memory.setItem('k', 'v');
  assert.equal(memory.getItem('k'), 'v');
  memory.removeItem('k');
  assert.equal(memory.getItem('k'), null);

  const backing = new Map();
  const fakeWeb = { getItem: (k) => backing.get(k) ?? null, setItem: (k, v) => backing.set(k, v), removeItem: (k) => backing.delete(k) };
  const web = webStorage(fakeWeb);
  web.setItem('a', '1');
  assert.equal(backing.get('a'), '1');
  assert.equal(resolveStorage('localStorage', { localStorage: fakeWeb }).getItem('a'), '1');
  assert.equal(resolveStorage('sessionStorage', {}).getItem('a'), null, 'a missing Web Storage falls back to memory');

  const asyncStore = { getItem: async () => 'x', setItem: async () => {}, removeItem: async () => {} };
  assert.equal(await resolveStorage(asyncStore).getItem('any'), 'x', 'AsyncStorage-like objects are used as they are');
  assert.throws(() => resolveStorage({ getItem() {} }), /getItem, setItem and removeItem/);
});

test('single flight within a tab: ten callers, one run', async () => {
  const coordinator = new RefreshCoordinator('r', undefined);
  let runs = 0;
  const results = await Promise.all(Array.from({ length: 10 }, () => coordinator.run(async () => {
    runs++;
    await tick(10);
    return runs;
  })));
  assert.equal(runs, 1);
  assert.deepEqual(new Set(results), new Set([1]));
  assert.equal(coordinator.busy, false);
});

test('across tabs the lock runs one refresh at a time, and `after` runs once the lock is released', async () => {
  const locks = new FakeLocks();
  const tabA = new RefreshCoordinator('jak.refresh', locks);
  const tabB = new RefreshCoordinator('jak.refresh', locks);
  let inside = 0;
  let maxInside = 0;
  const heldDuringAfter = [];
  const work = async () => {
    inside++;
    maxInside = Math.max(maxInside, inside);
    await tick(15);
    inside--;
    return 'done';
  };
  await Promise.all([
    tabA.run(work, () => heldDuringAfter.push(locks.held('jak.refresh'))),
    tabB.run(work, () => heldDuringAfter.push(locks.held('jak.refresh'))),
  ]);
  assert.equal(maxInside, 1, 'never two refreshes at once');
  assert.equal(heldDuringAfter.length, 2);
  assert.ok(heldDuringAfter.every((held) => held === false) || heldDuringAfter.filter((h) => h).length <= 1,
    'the initiating tab\'s callback runs after its own lock is released');
});

test('a lock held by a frozen tab is stolen after the timeout', async () => {
  const locks = new FakeLocks();
  let releaseFrozen;
  const frozen = locks.request('jak.refresh', {}, () => new Promise((resolve) => { releaseFrozen = resolve; }));
  const tab = new RefreshCoordinator('jak.refresh', locks, 30);
  const started = Date.now();
  const result = await tab.run(async () => 'mine');
  assert.equal(result, 'mine');
  assert.ok(Date.now() - started >= 25, 'it waited for the timeout first');
  await assert.rejects(frozen, { name: 'AbortError' }, 'the frozen holder\'s request is rejected, as the browser does');
  releaseFrozen();
});

test('events are delivered later, a throwing listener does not stop the others, and unsubscribe works', async () => {
  const bus = new EventBus();
  const seen = [];
  const errors = [];
  const original = globalThis.reportError;
  globalThis.reportError = (error) => errors.push(error.message);
  bus.subscribe(() => { throw new Error('listener bug'); });
  const stop = bus.subscribe((event) => seen.push(event));
  bus.emit('SIGNED_IN', null);
  assert.deepEqual(seen, [], 'not synchronously');
  await tick(5);
  assert.deepEqual(seen, ['SIGNED_IN']);
  stop();
  bus.emit('SIGNED_OUT', null);
  await tick(5);
  assert.deepEqual(seen, ['SIGNED_IN']);
  globalThis.reportError = original;
  assert.deepEqual(errors, ['listener bug', 'listener bug'], 'the listener\'s error is reported each time, not swallowed');
});

test('a tab whose lock was stolen is told to stop, so its late work stores nothing', async () => {
  const locks = new FakeLocks();
  const slow = new RefreshCoordinator('jak.refresh', locks, 10_000);
  const thief = new RefreshCoordinator('jak.refresh', locks, 20);
  let slowSignal;
  let release;
  const slowRun = slow.run((signal) => { slowSignal = signal; return new Promise((resolve) => { release = resolve; }); });
  await tick(5);
  const stolen = await thief.run(async () => 'thief');
  assert.equal(stolen, 'thief');
  await assert.rejects(slowRun, { name: 'AbortError' });
  assert.equal(slowSignal.aborted, true, 'the old holder learns it must stop');
  release('late');
});
