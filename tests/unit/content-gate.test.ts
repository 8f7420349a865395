// The two doors into the lint: the Astro integration that stops a build, and
// scripts/check-content.ts that contributors and CI run. Both must refuse a
// hostile file with its path, line and rule.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentGateError, contentGate } from '../../src/integrations/content-gate.ts';
import { main as checkContent } from '../../scripts/check-content.ts';
import { runCli } from '../support/cli.ts';
import { defaultThreads, lintContentCached } from '../../src/lint/cached-run.ts';
import { exportStageDir, isStaged } from '../../src/lint/export-stage.ts';
import { readLintInput } from '../../src/lint/files.ts';
import { lintContent } from '../../src/lint/run.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const VALID = resolve(ROOT, 'tests/fixtures/valid/valid-minimal.mdx');
const HOSTILE_DIR = resolve(ROOT, 'tests/fixtures/hostile');
/** 2026-11-27T00:00:00Z, so future-date fixtures stay in the future. */
const NOW = new Date(Date.UTC(2026, 10, 27));
const SOURCE_DATE_EPOCH = String(NOW.getTime() / 1000);

const expectations = JSON.parse(readFileSync(resolve(HOSTILE_DIR, 'expectations.json'), 'utf8')) as Record<
  string,
  { rule: string; line: number }
>;

type ConfigSetup = (options: {
  config: { root: URL };
  command: 'build' | 'dev' | 'preview';
  logger: { warn: (m: string) => void; info: (m: string) => void };
}) => Promise<void>;

async function runGate(root: string, command: 'build' | 'dev' | 'preview' = 'build', warnings: string[] = []): Promise<void> {
  const setup = contentGate({ now: NOW }).hooks['astro:config:setup'] as unknown as ConfigSetup;
  await setup({ config: { root: pathToFileURL(`${root}/`) }, command, logger: { warn: (m) => warnings.push(m), info: () => undefined } });
}

describe('contentGate (astro:config:setup)', () => {
  let tmp: string;
  let assessments: string;

  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'posture-gate-'));
    assessments = join(tmp, 'content/assessments');
    mkdirSync(assessments, { recursive: true });
    copyFileSync(VALID, join(assessments, 'valid-minimal.mdx'));
  });

  afterEach(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  it('lets a valid collection through', async () => {
    await expect(runGate(tmp)).resolves.toBeUndefined();
  });

  it.each(['script-element.mdx', 'esm-import.mdx', 'html-comment-hides-script.mdx', 'missing-name.mdx', 'future-date.mdx'])(
    'stops the build on %s, naming the file, line and rule',
    async (name) => {
      copyFileSync(resolve(HOSTILE_DIR, name), join(assessments, name));
      const { rule, line } = expectations[name]!;
      let thrown: unknown;
      try {
        await runGate(tmp);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ContentGateError);
      const message = (thrown as Error).message;
      expect(message).toContain('nothing was built');
      expect(message).toMatch(new RegExp(`^content/assessments/${name.replace(/\./g, '\\.')}:${line}:\\d+  ${rule}  `, 'm'));
      expect(message).not.toContain('content/assessments/valid-minimal.mdx');
    },
  );

  it('checks files on dev as well, and skips preview (which builds nothing)', async () => {
    copyFileSync(resolve(HOSTILE_DIR, 'script-element.mdx'), join(assessments, 'script-element.mdx'));
    await expect(runGate(tmp, 'dev')).rejects.toThrow(ContentGateError);
    await expect(runGate(tmp, 'preview')).resolves.toBeUndefined();
  });

  it('lets dev preview a draft with TODO markers, warning about them, but the build refuses it', async () => {
    const todo = Object.keys(expectations).find((name) => expectations[name]!.rule === 'todo-marker')!;
    copyFileSync(resolve(HOSTILE_DIR, todo), join(assessments, todo));
    const warnings: string[] = [];
    await expect(runGate(tmp, 'dev', warnings)).resolves.toBeUndefined();
    expect(warnings.join('\n')).toContain(`content/assessments/${todo}:`);
    await expect(runGate(tmp, 'build')).rejects.toThrow(ContentGateError);
  });

  it('reports a file again from the cache, and re-lints it once it changes', async () => {
    copyFileSync(resolve(HOSTILE_DIR, 'script-element.mdx'), join(assessments, 'script-element.mdx'));
    await expect(runGate(tmp)).rejects.toThrow(/script-element\.mdx:\d+:\d+  forbidden-element/);
    await expect(runGate(tmp)).rejects.toThrow(/script-element\.mdx:\d+:\d+  forbidden-element/);
    copyFileSync(VALID, join(assessments, 'script-element.mdx'));
    await expect(runGate(tmp)).resolves.toBeUndefined();
  });
});

describe('scripts/check-content.ts', () => {
  const run = (files: string[]) => runCli(checkContent, files, { SOURCE_DATE_EPOCH });

  it('exits 0 for valid-minimal.mdx', async () => {
    const result = await run([VALID]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Content OK: 1 file checked');
  });

  it('exits 1 for a hostile file and prints file:line:column  rule', async () => {
    const result = await run([resolve(HOSTILE_DIR, 'script-element.mdx')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^tests\/fixtures\/hostile\/script-element\.mdx:37:1  forbidden-element  <script> is not allowed in content  \(.+\)$/m,
    );
    expect(result.stderr).toContain('Fix the problems above, then run `npm run check` again.');
    expect(result.stdout).toBe('');
  });

  it('reports every hostile fixture at its expected line and rule in one run', async () => {
    const names = readdirSync(HOSTILE_DIR).filter((name) => name.endsWith('.mdx'));
    const result = await run([VALID, ...names.map((name) => resolve(HOSTILE_DIR, name))]);
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n');
    for (const name of names) {
      const { rule, line } = expectations[name]!;
      const prefix = `tests/fixtures/hostile/${name}:${line}:`;
      expect(
        lines.some((l) => l.startsWith(prefix) && /^\S+:\d+:\d+  [a-z-]+  /.test(l) && l.includes(`  ${rule}  `)),
        `${prefix}<column>  ${rule} not in output`,
      ).toBe(true);
    }
    expect(result.stderr).not.toContain('valid-minimal.mdx');
  });
});

describe('the lint run the build uses (cache and worker threads)', () => {
  it('uses every core but one by default, and at least one thread', () => {
    expect([1, 2, 4, 8].map((cores) => defaultThreads(cores))).toEqual([1, 1, 3, 7]);
  });

  const names = readdirSync(HOSTILE_DIR).filter((name) => name.endsWith('.mdx'));
  const inputs = [VALID, ...names.map((name) => resolve(HOSTILE_DIR, name))].map((path) => readLintInput(ROOT, path));
  const options = { now: NOW, root: ROOT, lock: null };

  it('finds exactly what the single-threaded lint finds, in the same order, when split across worker threads', async () => {
    const run = await lintContentCached(inputs, { ...options, cacheFile: null, threads: 2, filesPerWorker: 1 });
    expect(run.workers).toBe(1);
    expect(run.problems).toEqual(lintContent(inputs, options));
  });

  it('takes unchanged files from the cache and re-lints a changed one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'posture-lint-cache-'));
    try {
      const cacheFile = join(dir, 'cache.json');
      const first = await lintContentCached(inputs, { ...options, cacheFile });
      expect(first.cached).toBe(0);
      const again = await lintContentCached(inputs, { ...options, cacheFile });
      expect(again.cached).toBe(inputs.length);
      expect(again.problems).toEqual(first.problems);
      const edited = inputs.map((input, i) => (i === 0 ? { ...input, bytes: new TextEncoder().encode('not a content file') } : input));
      const third = await lintContentCached(edited, { ...options, cacheFile });
      expect(third.cached).toBe(inputs.length - 1);
      expect(third.problems.some((p) => p.file === inputs[0]!.file && p.rule === 'frontmatter')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the exports a build stages', () => {
  it('are staged for clean files only, and staged again when a cached file’s were removed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'posture-exports-'));
    try {
      const inputs = [
        VALID,
        resolve(
          HOSTILE_DIR,
          readdirSync(HOSTILE_DIR).find((n) => n.endsWith('.mdx'))!,
        ),
      ].map((path) => readLintInput(ROOT, path));
      const options = {
        now: NOW,
        root: dir,
        lock: null,
        cacheFile: join(dir, 'cache.json'),
        exports: { siteRoot: 'https://posture.example/' },
      };
      const first = await lintContentCached(inputs, options);
      expect(first.problems.some((p) => p.file === inputs[1]!.file)).toBe(true);
      expect(first.exportKeys).toHaveLength(1);
      const staged = join(exportStageDir(dir), first.exportKeys[0]!);
      const slug = inputs[0]!.file
        .split('/')
        .pop()!
        .replace(/\.mdx$/, '');
      const entry = JSON.parse(readFileSync(join(staged, encodeURIComponent(`projects/${slug}.json`)), 'utf8')) as { name?: unknown };
      expect(typeof entry.name).toBe('string');
      rmSync(exportStageDir(dir), { recursive: true });
      const again = await lintContentCached(inputs, options);
      expect(again.cached).toBe(1);
      expect(again.exportKeys).toEqual(first.exportKeys);
      expect(isStaged(dir, again.exportKeys[0]!)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('lintVersion', () => {
  it('changes with the lint’s code and with the installed packages, so neither leaves stale results behind', async () => {
    const { lintVersion } = await import('../../src/lint/cached-run.ts');
    const root = mkdtempSync(join(tmpdir(), 'posture-version-'));
    try {
      mkdirSync(join(root, 'src/lint'), { recursive: true });
      writeFileSync(join(root, 'src/lint/rule.ts'), 'export const a = 1;\n');
      writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}\n');
      const first = lintVersion(root);
      expect(lintVersion(root)).toBe(first);
      writeFileSync(join(root, 'src/lint/rule.ts'), 'export const a = 2;\n');
      const second = lintVersion(root);
      expect(second).not.toBe(first);
      writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}\n');
      expect(lintVersion(root)).not.toBe(second);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
