// Starts the real host (samples/HostApp, built by `dotnet build`) on loopback with a fresh SQLite file, and Chromium.
import { spawn } from 'node:child_process';
import { mkdtempSync, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const repo = resolve(import.meta.dirname, '../../..');
export const publishableKey = 'pk_demo00000000000000000000000000';
export const secretKey = 'sk_demo00000000000000000000000000';

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

function hostDll() {
  for (const configuration of ['Debug', 'Release']) {
    const dll = join(repo, 'samples/HostApp/bin', configuration, 'net10.0/HostApp.dll');
    if (existsSync(dll)) return dll;
  }
  throw new Error('samples/HostApp is not built: run `dotnet build` first.');
}

/** The host with one application whose settings the test chooses. */
export async function startHost({ accessTokenLifetimeSeconds = 900 } = {}) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const folder = mkdtempSync(join(tmpdir(), 'jak-sdk-e2e-'));
  const env = {
    ...process.env,
    ASPNETCORE_ENVIRONMENT: 'Development',
    JwtAuthKit__PasswordHashing__MemorySizeKiB: '1024',
    JwtAuthKit__PasswordHashing__Iterations: '1',
    JwtAuthKit__RateLimits__PermitLimit: '10000',
    JwtAuthKit__Applications__0__Name: 'Demo shop',
    JwtAuthKit__Applications__0__PublishableKey: publishableKey,
    JwtAuthKit__Applications__0__SecretKey: secretKey,
    JwtAuthKit__Applications__0__Settings__MagicLinkEnabled: 'true',
    JwtAuthKit__Applications__0__Settings__EmailOtpEnabled: 'true',
    JwtAuthKit__Applications__0__Settings__RedirectUrls__0: `${origin}/demo/`,
    JwtAuthKit__Applications__0__Settings__AccessTokenLifetimeSeconds: String(accessTokenLifetimeSeconds),
  };
  const child = spawn('dotnet', [hostDll(), '--urls', origin], { cwd: folder, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(origin + '/healthz')).ok) break;
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error('The host did not start:\n' + output);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    origin,
    output: () => output,
    async admin(path) {
      const response = await fetch(origin + '/api/admin' + path, { headers: { Authorization: 'Bearer ' + secretKey } });
      return response.json();
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** Runs axe-core (from npm, injected from disk) on the page; returns the serious and critical violations. */
export async function axeViolations(page) {
  const source = readFileSync(join(import.meta.dirname, '../node_modules/axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export const screenshots = join(repo, 'sdk/web/e2e-screenshots');

export function uniqueEmail(tag) {
  return `${tag}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}@example.com`;
}
