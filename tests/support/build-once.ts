// Builds the site once before the test run with a fixed SOURCE_DATE_EPOCH
// (so ages are stable), unless POSTURE_SKIP_BUILD=1 and dist/ already exists.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** 2026-11-27T00:00:00Z: the day the test expectations were written against. */
export const TEST_EPOCH = '1795737600';

export function buildSite(env: Record<string, string> = {}): void {
  execFileSync(process.execPath, [resolve(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SOURCE_DATE_EPOCH: TEST_EPOCH, ...env },
  });
}

export default function setup(): void {
  if (process.env.POSTURE_SKIP_BUILD === '1' && existsSync(resolve(ROOT, 'dist/index.html'))) return;
  buildSite();
}
