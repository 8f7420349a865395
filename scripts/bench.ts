#!/usr/bin/env node
// Build benchmark: builds synthetic catalogs of N, 4N and 16N projects (copies
// of the real content under new slugs) and reports build time, peak memory,
// output size and bytes per project, to show output grows linearly.
// Usage: npm run bench -- [N=60]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { listContentFiles } from '../src/lint/files.ts';
import { listFiles } from './dist.ts';

const root = resolve(import.meta.dirname, '..');
const base = Number(process.argv[2] ?? 60);
const sizes = [base, base * 4, base * 16];
const originals = listContentFiles(root).map((path) => ({
  slug: path
    .split('/')
    .pop()!
    .replace(/\.mdx$/, ''),
  text: readFileSync(path, 'utf8'),
}));

function makeCatalog(count: number, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const source = originals[i % originals.length]!;
    const copy = Math.floor(i / originals.length);
    const slug = copy === 0 ? source.slug : `${source.slug}-copy-${copy}`;
    // Copies drop cross-links and redirects, which name the originals.
    const text = source.text
      .replace(/^related:.*(\n {2}- .*)*$/m, 'related: []')
      .replace(/^redirectFrom:.*$/m, '')
      .replace(/^# The folder name used upstream.*$/m, '');
    writeFileSync(join(dir, `${slug}.mdx`), text.replace(/^name: (.*)$/m, copy === 0 ? 'name: $1' : `name: $1 (copy ${copy})`));
  }
}

interface Result {
  projects: number;
  seconds: number;
  peakMiB: number;
  pages: number;
  totalKiB: number;
  htmlKiB: number;
  pagefindKiB: number;
  bytesPerProject: number;
  maxGuideGzipKiB: number;
}
const ASTRO = resolve(root, 'node_modules/astro/bin/astro.mjs');
const results: Result[] = [];
try {
  for (const count of sizes) {
    const work = mkdtempSync(join(tmpdir(), `posture-bench-${count}-`));
    const content = join(work, 'content');
    const out = join(work, 'dist');
    makeCatalog(count, content);
    const started = process.hrtime.bigint();
    // --force: the content layer cache would otherwise keep entries of the previous catalog.
    const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ASTRO, 'build', '--force'], {
      cwd: root,
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        SOURCE_DATE_EPOCH: '1795737600',
        POSTURE_CONTENT_DIR: content,
        POSTURE_OUT_DIR: out,
      },
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (run.status !== 0)
      throw new Error(`build of ${count} projects failed (${run.error?.message ?? `exit ${run.status}`}):\n${run.stderr.slice(-3000)}`);
    const peakKiB = Number(run.stderr.trim().split('\n').pop());
    const files = listFiles(out);
    const size = (filter: (f: string) => boolean) => files.filter(filter).reduce((n, f) => n + statSync(f).size, 0);
    const total = size(() => true);
    const guides = files.filter((f) => /\/projects\/[^/]+\/index\.html$/.test(f) && !/by-(date|maturity|category)/.test(f));
    results.push({
      projects: count,
      seconds: Number(seconds.toFixed(1)),
      peakMiB: Number.isFinite(peakKiB) ? Math.round(peakKiB / 1024) : NaN,
      pages: files.filter((f) => f.endsWith('.html')).length,
      totalKiB: Math.round(total / 1024),
      htmlKiB: Math.round(size((f) => f.endsWith('.html')) / 1024),
      pagefindKiB: Math.round(size((f) => f.includes('/pagefind/')) / 1024),
      bytesPerProject: Math.round(total / count),
      maxGuideGzipKiB: Number((Math.max(...guides.map((f) => gzipSync(readFileSync(f)).length)) / 1024).toFixed(1)),
    });
    rmSync(work, { recursive: true, force: true });
  }
} finally {
  // Leave the content cache describing the real content again.
  spawnSync(process.execPath, [ASTRO, 'sync', '--force'], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
}

console.table(results);
const [first, , last] = results;
const growth = last!.bytesPerProject / first!.bytesPerProject;
console.log(`Bytes per project from ${first!.projects} to ${last!.projects} projects: x${growth.toFixed(2)} (1.00 is perfectly linear).`);
console.log(
  `Build time per project: ${((first!.seconds / first!.projects) * 1000).toFixed(0)} ms at ${first!.projects}, ${((last!.seconds / last!.projects) * 1000).toFixed(0)} ms at ${last!.projects}.`,
);
mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(
  join(root, '.bench', 'results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`,
);
