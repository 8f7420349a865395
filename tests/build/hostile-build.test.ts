// A hostile file that slipped past a contributor's machine still cannot run
// code in CI: `astro build` refuses it before compiling any MDX, and writes
// no site at all.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, buildEnv } from '../support/build-once.ts';

const work = mkdtempSync(join(tmpdir(), 'posture-hostile-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('building with a hostile content file', () => {
  it('fails before any of its code runs, naming the file and rule, and leaves no output', () => {
    const content = join(work, 'content');
    const out = join(work, 'dist');
    const marker = join(work, 'executed');
    mkdirSync(content);
    copyFileSync(resolve(ROOT, 'tests/fixtures/valid/valid-minimal.mdx'), join(content, 'valid-minimal.mdx'));
    const valid = readdirSync(content);
    expect(valid).toEqual(['valid-minimal.mdx']);
    // An ESM export whose evaluation would leave a marker file behind.
    const payload = `export const pwned = (await import('node:fs')).writeFileSync(${JSON.stringify(marker)}, 'ran');\n`;
    const source = readFileSync(join(content, 'valid-minimal.mdx'), 'utf8');
    writeFileSync(join(content, 'evil.mdx'), source.replace('## Overview', `${payload}\n## Overview`));

    const run = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: ROOT,
      env: buildEnv({ POSTURE_CONTENT_DIR: content, POSTURE_OUT_DIR: out }),
      encoding: 'utf8',
    });
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toMatch(/evil\.mdx:\d+:\d+ {2}mdx-esm/);
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  });
});
