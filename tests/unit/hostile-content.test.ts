// The bad-input corpus: every file in tests/fixtures/hostile/ is malformed or
// hostile in exactly one way, and expectations.json says which rule must
// reject it and on which line. Files too big or too binary to commit are
// generated here, in a temporary directory.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintInputOf, readLintInput } from '../../src/lint/files.ts';
import { formatProblem, type Problem } from '../../src/lint/problem.ts';
import { lintContent, type LintInput } from '../../src/lint/run.ts';
import { MAX_FILE_BYTES } from '../../src/lint/source.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const HOSTILE = 'tests/fixtures/hostile';
const VALID = 'tests/fixtures/valid/valid-minimal.mdx';
const NOW = new Date('2026-11-27T00:00:00Z');

interface Expectation {
  rule: string;
  line: number;
  /** Why the expected line is not the obvious one, when it is not. */
  note?: string;
}

const expectations = JSON.parse(readFileSync(resolve(ROOT, HOSTILE, 'expectations.json'), 'utf8')) as Record<string, Expectation>;
const fixtureNames = readdirSync(resolve(ROOT, HOSTILE))
  .filter((name) => name !== 'expectations.json')
  .sort();

function lintOne(file: string, bytes: Uint8Array): Problem[] {
  return lintContent([lintInputOf(file, bytes)], { now: NOW });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every problem must print as `file:line:column  rule  message  (fix)` on one line, pointing inside the file. */
function expectWellFormed(problems: readonly Problem[], file: string, source: Uint8Array): void {
  const lineCount = Math.max(1, new TextDecoder().decode(source).split('\n').length);
  const shape = new RegExp(`^${escapeRegExp(file)}:(\\d+):(\\d+)  ([a-z][a-z0-9-]*)  (\\S.*\\S)  \\((\\S.*)\\)$`);
  for (const problem of problems) {
    const formatted = formatProblem(problem);
    expect(formatted.startsWith(`${file}:`), formatted).toBe(true);
    expect(formatted, 'a problem prints on a single line').not.toMatch(/[\r\n]/);
    const match = shape.exec(formatted);
    expect(match, `not in file:line:column  rule  message  (fix) form: ${formatted}`).not.toBeNull();
    expect(Number(match![1])).toBe(problem.line);
    expect(Number(match![2])).toBe(problem.column);
    expect(match![3]).toBe(problem.rule);
    expect(problem.line, formatted).toBeGreaterThanOrEqual(1);
    expect(problem.line, `${formatted} points past the end of the file`).toBeLessThanOrEqual(lineCount);
    expect(problem.column, formatted).toBeGreaterThanOrEqual(1);
  }
}

describe('valid-minimal.mdx', () => {
  it('passes every rule', () => {
    const bytes = new Uint8Array(readFileSync(resolve(ROOT, VALID)));
    expect(lintOne(VALID, bytes).map(formatProblem)).toEqual([]);
  });
});

describe('hostile corpus', () => {
  it('has at least 30 committed fixtures', () => {
    expect(fixtureNames.length).toBeGreaterThanOrEqual(30);
  });

  it('lists every fixture in expectations.json, and nothing else', () => {
    expect(Object.keys(expectations).sort()).toEqual(fixtureNames);
  });

  it('keeps fixtures small', () => {
    for (const name of fixtureNames) {
      expect(readFileSync(resolve(ROOT, HOSTILE, name)).byteLength, name).toBeLessThan(8 * 1024);
    }
  });

  it.each(Object.entries(expectations).map(([name, expected]) => ({ name, ...expected })))(
    '$name is rejected by $rule at line $line',
    ({ name, rule, line }) => {
      const file = `${HOSTILE}/${name}`;
      const bytes = new Uint8Array(readFileSync(resolve(ROOT, file)));
      const problems = lintOne(file, bytes);
      const report = problems.map(formatProblem).join('\n');
      expect(problems.length, `${name} passed the lint`).toBeGreaterThan(0);
      expect(
        problems.some((problem) => problem.rule === rule && problem.line === line),
        `expected ${rule} at line ${line}, got:\n${report}`,
      ).toBe(true);
      // It fails for its own reason alone, so a broken rule cannot hide behind another.
      expect(problems.filter((problem) => problem.rule !== rule).map(formatProblem), `${name} also broke other rules`).toEqual([]);
      expectWellFormed(problems, file, bytes);
    },
  );
});

describe('generated hostile files', () => {
  let dir: string;
  const valid = readFileSync(resolve(ROOT, VALID), 'utf8');

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'posture-hostile-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function lintGenerated(name: string, bytes: Uint8Array): { input: LintInput; problems: Problem[] } {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const input = readLintInput(dir, path);
    expect(input.file).toBe(name);
    return { input, problems: lintContent([input], { now: NOW }) };
  }

  it('rejects a 5 MB file unread (file-size)', () => {
    const text = valid + `\n${'A long paragraph of padding. '.repeat(40)}\n`.repeat(5 * 1024);
    const bytes = new TextEncoder().encode(text);
    expect(bytes.byteLength).toBeGreaterThan(5 * 1024 * 1024);
    expect(bytes.byteLength).toBeGreaterThan(MAX_FILE_BYTES);
    const { input, problems } = lintGenerated('huge-file.mdx', bytes);
    // Refused unread: the reader measured the file but allocated none of it.
    expect(input.bytes).toBeUndefined();
    expect(input.size).toBe(bytes.byteLength);
    expect(problems.map((p) => [p.rule, p.line, p.column])).toEqual([['file-size', 1, 1]]);
    expect(formatProblem(problems[0]!)).toMatch(
      /^huge-file\.mdx:1:1  file-size  file is \d+ KiB, over the 512 KiB limit; it was not read  \(.+\)$/,
    );
  });

  it('rejects binary junk with NUL bytes (binary-file)', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('---\nname: x\n---\n'),
      0x00,
      0x01,
      0xff,
      0xfe,
      0x00,
      0x89,
      0x50,
      0x4e,
      0x47,
    ]);
    const { problems } = lintGenerated('binary-junk.mdx', bytes);
    expect(problems.map((p) => [p.rule, p.line, p.column])).toEqual([['binary-file', 1, 1]]);
    expectWellFormed(problems, 'binary-junk.mdx', bytes);
  });

  it('rejects Latin-1 bytes and points at the first bad byte (encoding)', () => {
    const target = 'one listener and one data store.';
    const [head, tail] = valid.split(target) as [string, string];
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(`${head}one listener and one caf`),
      0xe9, // "é" in Latin-1, not valid UTF-8 here
      ...new TextEncoder().encode(` store.${tail}`),
    ]);
    const lines = valid.split('\n');
    const lineIndex = lines.findIndex((l) => l.includes(target));
    const column = lines[lineIndex]!.indexOf(target) + 'one listener and one caf'.length + 1;
    const { problems } = lintGenerated('latin-1.mdx', bytes);
    expect(problems.map((p) => [p.rule, p.line, p.column])).toEqual([['encoding', lineIndex + 1, column]]);
    expectWellFormed(problems, 'latin-1.mdx', bytes);
  });
});

// Inputs that once slipped past the lint: tracking pixels through reference
// definitions or browser-normalised paths, alias bombs, audit-only files
// without an explicit `documents` key.
describe('regressions', () => {
  const valid = readFileSync(resolve(ROOT, VALID), 'utf8');
  const overview = 'Minimal is a small example project with one listener and one data store.\n';
  const withBody = (extra: string) => valid.replace(overview, `${overview}\n${extra}\n`);
  const lint = (text: string) => lintOne('content/assessments/minimal.mdx', new TextEncoder().encode(text));

  it('remote image through a reference definition is rejected (remote-image)', () => {
    const problems = lint(withBody('![pixel][p]\n\n[p]: https://tracker.example.com/p.png'));
    expect(problems.map((p) => p.rule)).toContain('remote-image');
  });

  it('image path "/\\host/..." (which browsers load from host) is rejected', () => {
    const problems = lint(withBody('![pixel](/\\\\tracker.example.com/p.png)'));
    expect(problems.length).toBeGreaterThan(0);
  });

  it('a YAML alias bomb is reported as a yaml problem, not thrown', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    const text = valid.replace('related: []\n', `related: []\n${bomb}\n`);
    let problems: Problem[] = [];
    expect(() => {
      problems = lint(text);
    }).not.toThrow();
    expect(problems.map((p) => p.rule)).toContain('yaml');
  });

  it('an audit-only file that omits `documents` (schema default []) is held to the audit-only headings', () => {
    const argo = readFileSync(resolve(ROOT, 'content/assessments/argo.mdx'), 'utf8');
    expect(argo).toContain('\ndocuments: []\n');
    const problems = lintContent(
      [lintInputOf('content/assessments/argo.mdx', new TextEncoder().encode(argo.replace('\ndocuments: []\n', '\n')))],
      { now: NOW, otherSlugs: readdirSync(resolve(ROOT, 'content/assessments')).map((n) => n.replace(/\.mdx$/, '')) },
    );
    expect(problems.map(formatProblem)).toEqual([]);
  });
});
