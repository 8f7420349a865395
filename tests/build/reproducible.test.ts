// Two builds of the same commit with the same SOURCE_DATE_EPOCH are
// byte-identical: every date the site prints comes from that variable.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/lib/dist.ts';
import { buildSite } from '../support/build-once.ts';
import { DIST } from '../support/content.ts';

function digest(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((file) => [relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')]));
}

const second = mkdtempSync(join(tmpdir(), 'posture-rebuild-'));
afterAll(() => rmSync(second, { recursive: true, force: true }));

describe('reproducible builds', () => {
  it('a second build with the same SOURCE_DATE_EPOCH is byte-identical', () => {
    buildSite({ POSTURE_OUT_DIR: second });
    const first = digest(DIST);
    const again = digest(second);
    expect(Object.keys(again).sort()).toEqual(Object.keys(first).sort());
    const differing = Object.keys(first).filter((file) => first[file] !== again[file]);
    expect(differing).toEqual([]);
  });

  it('a different SOURCE_DATE_EPOCH changes the printed build date', () => {
    const third = mkdtempSync(join(tmpdir(), 'posture-epoch-'));
    try {
      buildSite({ POSTURE_OUT_DIR: third, SOURCE_DATE_EPOCH: '1830297600' });
      const home = readFileSync(join(third, 'index.html'), 'utf8');
      expect(home).toContain('<time datetime="2028-01-01">1 January 2028</time>');
    } finally {
      rmSync(third, { recursive: true, force: true });
    }
  });
});
