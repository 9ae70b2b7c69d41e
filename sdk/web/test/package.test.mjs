import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

test('the package packs with its README, ES modules and type declarations, and has no runtime dependency', () => {
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: new URL('..', import.meta.url), encoding: 'utf8' }));
  const files = packed.files.map((f) => f.path);
  for (const required of ['README.md', 'package.json', 'dist/index.js', 'dist/index.d.ts', 'dist/client.js', 'dist/client.d.ts']) {
    assert.ok(files.includes(required), `${required} is in the package`);
  }
  assert.ok(!files.some((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('e2e/')), 'only what users need');
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.dependencies, undefined, 'no runtime dependencies');
  assert.ok(packed.size < 50_000, `small: ${packed.size} bytes packed`);
});
