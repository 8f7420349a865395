// The two doors into the lint: the Astro integration that stops a build, and
// scripts/check-content.ts that contributors and CI run. Both must refuse a
// hostile file with its path, line and rule.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentGateError, contentGate } from '../../src/integrations/content-gate.ts';
import { main as checkContent } from '../../scripts/check-content.ts';
import { runCli } from '../support/cli.ts';

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
  logger: { warn: (m: string) => void };
}) => void;

function runGate(root: string, command: 'build' | 'dev' | 'preview' = 'build', warnings: string[] = []): void {
  const setup = contentGate({ now: NOW }).hooks['astro:config:setup'] as unknown as ConfigSetup;
  setup({ config: { root: pathToFileURL(`${root}/`) }, command, logger: { warn: (m) => warnings.push(m) } });
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

  it('lets a valid collection through', () => {
    expect(() => runGate(tmp)).not.toThrow();
  });

  it.each(['script-element.mdx', 'esm-import.mdx', 'html-comment-hides-script.mdx', 'missing-name.mdx', 'future-date.mdx'])(
    'stops the build on %s, naming the file, line and rule',
    (name) => {
      copyFileSync(resolve(HOSTILE_DIR, name), join(assessments, name));
      const { rule, line } = expectations[name]!;
      let thrown: unknown;
      try {
        runGate(tmp);
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

  it('checks files on dev as well, and skips preview (which builds nothing)', () => {
    copyFileSync(resolve(HOSTILE_DIR, 'script-element.mdx'), join(assessments, 'script-element.mdx'));
    expect(() => runGate(tmp, 'dev')).toThrow(ContentGateError);
    expect(() => runGate(tmp, 'preview')).not.toThrow();
  });

  it('lets dev preview a draft with TODO markers, warning about them, but the build refuses it', () => {
    const todo = Object.keys(expectations).find((name) => expectations[name]!.rule === 'todo-marker')!;
    copyFileSync(resolve(HOSTILE_DIR, todo), join(assessments, todo));
    const warnings: string[] = [];
    expect(() => runGate(tmp, 'dev', warnings)).not.toThrow();
    expect(warnings.join('\n')).toContain(`content/assessments/${todo}:`);
    expect(() => runGate(tmp, 'build')).toThrow(ContentGateError);
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

  it('with --quiet (as `npm run build` calls it) says the site was not built', async () => {
    const result = await run(['--quiet', resolve(HOSTILE_DIR, 'script-element.mdx')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('The site was not built');
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
