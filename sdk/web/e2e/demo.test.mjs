import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startHost, launchBrowser, axeViolations, screenshots, uniqueEmail } from './host.mjs';

const password = 'correct horse battery staple';
let host;
let shortHost;
let browser;

before(async () => {
  mkdirSync(screenshots, { recursive: true });
  [host, shortHost, browser] = await Promise.all([startHost(), startHost({ accessTokenLifetimeSeconds: 5 }), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await Promise.all([host?.stop(), shortHost?.stop()]);
});

async function open(context, origin, query = '') {
  const page = await context.newPage();
  await page.goto(`${origin}/demo/${query}`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

async function signUp(page, email) {
  await page.getByRole('tab', { name: 'Create account' }).click();
  await page.getByLabel('Email').and(page.locator('#signup-email')).fill(email);
  await page.locator('#signup-password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.locator('#signed-in:not([hidden])').waitFor();
}

const accessTokenOf = (page) => page.evaluate(async () => (await window.jwtAuthKitDemo.auth.getSession())?.accessToken ?? null);

test('sign up and sign in on the demo page; a reload keeps the session; the page is accessible', async () => {
  // bypassCSP lets the test inject axe-core; the page itself runs under its strict policy in every other test.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await open(context, host.origin);
  assert.deepEqual(await axeViolations(page), [], 'the signed-out page has no serious accessibility violation');
  await page.screenshot({ path: join(screenshots, 'demo-signed-out-desktop.png'), fullPage: true });
  const email = uniqueEmail('demo');

  await signUp(page, email);
  assert.equal(await page.locator('#me-email').textContent(), email);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.locator('#signed-out:not([hidden])').waitFor();
  await page.getByRole('tab', { name: 'Password' }).click();
  await page.locator('#signin-email').fill(email);
  await page.locator('#signin-password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.locator('#signed-in:not([hidden])').waitFor();

  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.locator('#signed-in').isVisible(), true, 'a reload keeps the session');
  assert.equal(await page.locator('#me-email').textContent(), email);
  assert.equal(await page.locator('#sessions li').count(), 1, 'the signed-out session is gone; this one is listed');
  assert.match(await page.locator('#sessions li').first().textContent(), /This device/);
  assert.deepEqual(await axeViolations(page), [], 'the signed-in page has no serious accessibility violation');
  await page.screenshot({ path: join(screenshots, 'demo-signed-in-desktop.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(screenshots, 'demo-signed-in-phone.png'), fullPage: true });
  await context.close();
});

test('with a 5-second access token the SDK refreshes on its own', async () => {
  const context = await browser.newContext();
  const page = await open(context, shortHost.origin);
  await signUp(page, uniqueEmail('short'));
  const first = await accessTokenOf(page);
  await page.locator('#log li[data-event="TOKEN_REFRESHED"]').first().waitFor({ timeout: 15_000 });
  const second = await accessTokenOf(page);
  assert.notEqual(second, first);
  const me = await page.evaluate(async () => (await window.jwtAuthKitDemo.auth.getUser()).email);
  assert.match(me, /^short\./, 'the refreshed token works');
  await context.close();
});

test('four tabs whose tokens expire together stay signed in through twenty refresh rounds, one refresh each round', async () => {
  const context = await browser.newContext();
  const refreshes = [];
  context.on('request', (request) => {
    if (request.url().endsWith('/api/auth/token/refresh')) refreshes.push(request.url());
  });
  const first = await open(context, host.origin);
  await signUp(first, uniqueEmail('tabs'));
  const tabs = [first];
  for (let i = 0; i < 3; i++) tabs.push(await open(context, host.origin));
  const ids = await Promise.all(tabs.map((t) => t.evaluate(async () => (await window.jwtAuthKitDemo.auth.getSession()).user.id)));
  assert.equal(new Set(ids).size, 1, 'every tab shares the session');
  refreshes.length = 0;

  for (let round = 0; round < 20; round++) {
    // Every tab's token expires at the same moment (the tabs' own clocks say so)…
    await Promise.all(tabs.map((t) => t.evaluate(async () => {
      const session = await window.jwtAuthKitDemo.auth.getSession();
      session.expiresAt = Date.now() - 1;
    })));
    await tabs[0].evaluate(async () => {
      const session = await window.jwtAuthKitDemo.auth.getSession();
      localStorage.setItem('jwtauthkit.demo.body', JSON.stringify(session));
    });
    // …and every tab asks for a token at once.
    const tokens = await Promise.all(tabs.map((t) => t.evaluate(() => window.jwtAuthKitDemo.auth.getAccessToken())));
    assert.ok(tokens.every((t) => typeof t === 'string' && t.length > 0), `round ${round}: every tab has a token`);
    assert.equal(new Set(tokens).size, 1, `round ${round}: every tab uses the one new token`);
  }

  assert.equal(refreshes.length, 20, 'one refresh per round, not one per tab');
  const reused = await host.admin('/audit-events?type=session.refresh_token_reused');
  assert.equal(reused.total, 0, 'the server saw no refresh token twice');
  for (const tab of tabs) {
    assert.ok(await tab.evaluate(async () => (await window.jwtAuthKitDemo.auth.getUser()).id), 'every tab is still signed in');
  }
  await context.close();
});

test('sign-out in one tab signs out the others within a second', async () => {
  const context = await browser.newContext();
  const one = await open(context, host.origin);
  await signUp(one, uniqueEmail('signout'));
  const two = await open(context, host.origin);
  assert.equal(await two.locator('#signed-in').isVisible(), true);

  await one.getByRole('button', { name: 'Sign out', exact: true }).click();
  const started = Date.now();
  await two.locator('#signed-out:not([hidden])').waitFor({ timeout: 1000 });
  assert.ok(Date.now() - started < 1000);
  assert.equal(await accessTokenOf(two), null);
  await context.close();
});

test('a magic link opened from the dev mailbox signs the user in on the demo page', async () => {
  const context = await browser.newContext();
  const page = await open(context, host.origin);
  const email = uniqueEmail('link');
  await page.getByRole('tab', { name: 'Email link' }).click();
  await page.locator('#link-email').fill(email);
  await page.getByRole('button', { name: 'Email me a link' }).click();
  await page.locator('#status').filter({ hasText: 'Check your email' }).waitFor();

  // The link is written after the answer has been sent (the per-address work waits for it), so a mailbox opened at
  // once may not list it yet: reload it, as a person would, for up to ten seconds.
  const mailbox = await context.newPage();
  const message = mailbox.getByRole('link', { name: /sign-in link/i }).first();
  for (let attempt = 0; attempt < 50; attempt++) {
    await mailbox.goto(host.origin + '/dev/mailbox');
    if (await message.count() > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await message.click();
  // The message's HTML body is shown in a sandboxed frame; its link opens in the top window, as a mail client's would.
  const link = mailbox.frameLocator('iframe[title="HTML body"]').locator('a[href*="token="]').first();
  assert.ok((await link.getAttribute('href')).startsWith(host.origin + '/demo/?token='));
  await link.click();
  await mailbox.waitForURL(/\/demo\//);
  await mailbox.waitForSelector('body[data-ready="true"]');

  assert.equal(await mailbox.locator('#me-email').textContent(), email);
  assert.equal(new URL(mailbox.url()).searchParams.has('token'), false, 'the token is removed from the address');
  await context.close();
});

test('with cookie transport no refresh token is readable from document.cookie, storage or any response body', async () => {
  const context = await browser.newContext();
  const bodies = [];
  context.on('response', async (response) => {
    if (response.url().includes('/api/auth/')) {
      bodies.push(await response.text().catch(() => ''));
    }
  });
  const page = await open(context, host.origin, '?transport=cookie');
  await signUp(page, uniqueEmail('cookie'));
  await page.evaluate(() => window.jwtAuthKitDemo.auth.refresh());
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.locator('#signed-in').isVisible(), true, 'the session survives a reload');
  await page.evaluate(() => window.jwtAuthKitDemo.auth.refresh());

  const cookies = await context.cookies();
  const refreshCookie = cookies.find((c) => c.name === 'jak_refresh_token');
  assert.ok(refreshCookie, 'the browser holds the refresh cookie');
  assert.equal(refreshCookie.httpOnly, true);
  assert.equal(refreshCookie.sameSite, 'Strict');
  assert.equal(refreshCookie.path, '/api/auth');
  const visible = await page.evaluate(() => ({ cookie: document.cookie, storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) }));
  assert.ok(!visible.cookie.includes('jak_refresh_token'), 'document.cookie cannot read it');
  assert.ok(!visible.storage.includes(refreshCookie.value), 'storage does not hold it');
  assert.ok(!visible.storage.includes('refreshToken'), 'the stored session has no refresh token');
  assert.ok(bodies.length >= 3);
  assert.ok(bodies.every((b) => !b.includes('refresh_token"') && !b.includes(refreshCookie.value)), 'no response body carries it');
  await context.close();
});
