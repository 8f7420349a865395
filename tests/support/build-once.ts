// Builds the site once before the test run with a fixed SOURCE_DATE_EPOCH
// (so ages are stable), unless POSTURE_SKIP_BUILD=1 and dist/ already exists.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** 2026-12-01T00:00:00Z: the day the test expectations were written against (after every checked date). */
export const TEST_EPOCH = '1796083200';

/** Variables Vitest puts in process.env (its own, and Vite's import.meta.env) that must not leak into a real build. */
const TEST_RUNNER_ENV = /^(VITEST.*|TEST|NODE_ENV|MODE|DEV|PROD|SSR|BASE_URL|SITE|BASE|ASSETS_PREFIX)$/;

/** The environment of a plain `astro build` from a shell, plus `extra`. */
export function buildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !TEST_RUNNER_ENV.test(key)));
  return { ...clean, ASTRO_TELEMETRY_DISABLED: '1', SOURCE_DATE_EPOCH: TEST_EPOCH, ...extra };
}

/**
 * Runs `astro build` and returns what it printed. `force` renders every page
 * anew instead of copying unchanged ones from the last build (incremental build).
 */
export function buildSite(env: Record<string, string> = {}, { force = false }: { force?: boolean } = {}): string {
  return execFileSync(process.execPath, [resolve(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', ...(force ? ['--force'] : [])], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...buildEnv(env), NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

export default function setup(): void {
  if (process.env.POSTURE_SKIP_BUILD === '1' && existsSync(resolve(ROOT, 'dist/index.html'))) return;
  buildSite();
}
