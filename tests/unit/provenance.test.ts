// The provenance lint rules against a small hand-written lock: one passing
// guide, and for each rule a guide that breaks that rule and no other.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main as provenanceMain } from '../../scripts/provenance.ts';
import { contentGate } from '../../src/integrations/content-gate.ts';
import { driftOf } from '../../src/lib/sources/drift.ts';
import { serializeLock, type SourceLock } from '../../src/lib/sources/lock.ts';
import { formatProblem, formatReport, type Problem } from '../../src/lint/problem.ts';
import { lintContent } from '../../src/lint/run.ts';
import { lintInputOf } from '../../src/lint/files.ts';
import { assessmentSchema } from '../../src/schema/assessment.ts';

const NOW = new Date('2026-11-27T00:00:00Z');
const PATH = 'community/assessments/projects/demo/self-assessment.md';
const SOURCE = `https://github.com/cncf/tag-security/blob/main/${PATH}`;
const BLOB = 'b'.repeat(40);
const hash = 'sha256-' + '0'.repeat(64);

const LOCK: SourceLock = {
  version: 1,
  repos: { 'cncf/tag-security': { commit: 'c'.repeat(40), date: '2024-06-01' } },
  dirs: ['cncf/tag-security/community/assessments/projects/demo'],
  files: {
    [`cncf/tag-security/${PATH}`]: {
      repo: 'cncf/tag-security',
      path: PATH,
      blob: BLOB,
      commit: 'c'.repeat(40),
      added: { commit: 'a'.repeat(40), authorDate: '2024-02-01', mergeDate: '2024-02-03' },
      changed: '2024-05-20',
      headings: [
        { anchor: 'demo-self-assessment', depth: 1 },
        { anchor: 'security', depth: 2 },
        { anchor: 'transport-security', depth: 3 },
        { anchor: 'operations', depth: 2 },
      ],
      sections: {
        'demo-self-assessment': { hash, literals: ['--admin-port', '--tls-cert-file', 'v1.4.0'] },
        security: { hash, literals: ['--tls-cert-file', 'v1.4.0'] },
        'transport-security': { hash, literals: ['--tls-cert-file', 'v1.4.0'] },
        operations: { hash, literals: ['--admin-port'] },
      },
    },
  },
};

interface Variant {
  dateSource?: string;
  date?: string;
  checked?: string;
  how?: string;
  itemSource?: string;
  link?: string;
}

/** A complete, valid guide; each variant changes one thing. */
function guide(v: Variant = {}): string {
  return `---
name: Demo
summary: A small project for testing provenance.
category: Testing
maturity: sandbox
maturityDate: 2024-06-01
repos: []
documents:
  - kind: self-assessment
    stage: complete
    date: ${v.date ?? '2024-01-20'}
    datePrecision: day
    dateSource: ${v.dateSource ?? 'stated'}
    authors: []
    reviewers: []
    volunteerDrafted: false
    source: ${SOURCE}
    checked:
${v.checked ?? `      blob: ${BLOB}\n      date: 2024-06-02`}
checklist:
  - id: enable-tls
    action: Serve the API over TLS only.
    severity: high
    why: Plain-text traffic can be read on the network.
    how: ${v.how ?? 'Start the server with `--tls-cert-file` (since v1.4.0).'}
    source: ${v.itemSource ?? `${SOURCE}#transport-security`}
    basis: stated
---

## Overview

Demo serves an API ([self-assessment](${v.link ?? `${SOURCE}#security`})).

## Actors and trust boundaries

Clients and the server.

## Security functions

TLS.

## Threats

Eavesdropping.

## Findings and recommendations

None recorded.

## Reporting a vulnerability

Mail security@example.org.
`;
}

function lint(text: string, lock: SourceLock | null = LOCK): Problem[] {
  return lintContent([lintInputOf('content/assessments/demo.mdx', new TextEncoder().encode(text))], { now: NOW, lock });
}

/** Asserts that the guide breaks exactly one rule, and returns those problems. */
function only(rule: string, text: string): Problem[] {
  const problems = lint(text);
  expect(
    problems.map(formatProblem).filter((p) => !p.includes(`  ${rule}  `)),
    `only ${rule} fires`,
  ).toEqual([]);
  expect(problems.length, `${rule} fires`).toBeGreaterThan(0);
  return problems;
}

describe('provenance rules', () => {
  it('pass a guide whose links, literals, date and blob agree with the lock', () => {
    expect(lint(guide()).map(formatProblem)).toEqual([]);
  });

  it('source-unknown: a file or directory the lock does not know, at the URL', () => {
    const missing = `https://github.com/cncf/tag-security/blob/main/community/assessments/projects/demo/gone.md`;
    const [problem, ...rest] = only('source-unknown', guide({ link: `${missing}#x` }));
    expect(rest).toEqual([]);
    expect(problem!.message).toContain('community/assessments/projects/demo/gone.md is not in the source lock');
    expect(problem!.fix).toMatch(/npm run sources:sync -- --repo/);
    const line =
      guide({ link: missing })
        .split('\n')
        .findIndex((l) => l.includes(missing)) + 1;
    expect([problem!.line, problem!.column]).toEqual([line, 'Demo serves an API ([self-assessment]('.length + 1]);

    const [dir] = only('source-unknown', guide({ link: 'https://github.com/cncf/toc/tree/main/projects/demo' }));
    expect(dir!.message).toContain("directory projects/demo is not in the source lock's dirs");
    expect(lint(guide({ link: 'https://github.com/cncf/tag-security/tree/main/community/assessments/projects/demo/' }))).toEqual([]);
  });

  it('source-anchor: a heading that does not exist, with the closest ones named; text fragments pass', () => {
    const [problem, ...rest] = only('source-anchor', guide({ itemSource: `${SOURCE}#transport-securty` }));
    expect(rest).toEqual([]);
    expect(problem!.message).toContain('#transport-securty is not a heading of self-assessment.md');
    expect(problem!.fix).toMatch(/closest are #transport-security, #security/);
    expect(lint(guide({ itemSource: `${SOURCE}#:~:text=Transport%20security` }))).toEqual([]);
    expect(lint(guide({ link: `${SOURCE}#L12-L20` }))).toEqual([]);
  });

  it('literal-missing: a quoted flag the document does not contain, pointed at in the field', () => {
    const text = guide({ how: 'Start the server with `--tls-cert-fle`.' });
    const [problem, ...rest] = only('literal-missing', text);
    expect(rest).toEqual([]);
    expect(problem!.message).toBe(
      '`--tls-cert-fle` in checklist[0].how does not occur in self-assessment.md (cncf/tag-security/community/assessments/projects/demo/self-assessment.md)',
    );
    expect(problem!.fix).toContain('`--tls-cert-file`');
    const line = text.split('\n').findIndex((l) => l.includes('--tls-cert-fle')) + 1;
    expect([problem!.line, problem!.column]).toEqual([line, text.split('\n')[line - 1]!.indexOf('--tls-cert-fle') + 1]);
    // Plain words in backticks and bare punctuation are not quotations the lock could hold.
    expect(lint(guide({ how: 'Set `true` for `tls` and never `*`.' }))).toEqual([]);
  });

  it('literal-outside-section: a literal from another section is a warning that names it', () => {
    const [problem, ...rest] = only('literal-outside-section', guide({ how: 'Close `--admin-port` to the network.' }));
    expect(rest).toEqual([]);
    expect(problem!.severity).toBe('warning');
    expect(problem!.message).toContain('not in the cited section #transport-security');
    expect(problem!.fix).toBe('cite the section that has it: #operations');
  });

  it('document-date: a repository-history date that is not the date git gives', () => {
    const [problem, ...rest] = only('document-date', guide({ dateSource: 'repository-history', date: '2024-02-03' }));
    expect(rest).toEqual([]);
    expect(problem!.message).toContain('documents[0].date is 2024-02-03, but git history dates');
    expect(problem!.message).toContain('2024-02-01');
    expect(problem!.message).toContain('since 2024-02-03');
    expect(problem!.fix).toBe('set date: 2024-02-01 with datePrecision: day, or dateSource: stated if the document states its own date');
    expect(lint(guide({ dateSource: 'repository-history', date: '2024-02-01' }))).toEqual([]);
  });

  it('checked-blob: a document in the lock without checked.blob', () => {
    const [problem, ...rest] = only('checked-blob', guide({ checked: '      date: 2024-06-02' }));
    expect(rest).toEqual([]);
    expect(problem!.fix).toContain(`checked.blob: ${BLOB}`);
  });

  it('source-drift: a changed upstream blob is a warning with the history link', () => {
    const [problem, ...rest] = only('source-drift', guide({ checked: `      blob: ${'d'.repeat(40)}\n      date: 2024-06-02` }));
    expect(rest).toEqual([]);
    expect(problem!.severity).toBe('warning');
    expect(problem!.fix).toContain(`https://github.com/cncf/tag-security/commits/main/${PATH}`);
    expect(problem!.fix).toContain('since 2024-06-02');
  });

  it('do not run without a lock', () => {
    expect(lint(guide({ how: 'Use `--nothing-like-it`.' }), null)).toEqual([]);
  });
});

describe('driftOf', () => {
  it('lists the documents whose checked blob differs from the lock, for pages', () => {
    const data = assessmentSchema.parse({
      name: 'x',
      summary: 'x',
      category: 'x',
      maturity: 'sandbox',
      maturityDate: '2024-01-01',
      repos: [],
      documents: [0, 1].map((i) => ({
        kind: 'self-assessment',
        stage: 'complete',
        date: '2024-01-01',
        datePrecision: 'day',
        dateSource: 'stated',
        authors: [],
        reviewers: [],
        volunteerDrafted: false,
        source: `${SOURCE}#x`,
        checked: { blob: i === 0 ? BLOB : 'e'.repeat(40), date: '2024-03-04' },
      })),
    });
    expect(driftOf(data, LOCK)).toEqual([
      {
        index: 1,
        documentSource: `${SOURCE}#x`,
        checkedDate: '2024-03-04',
        checkedBlob: 'e'.repeat(40),
        lockBlob: BLOB,
        changed: '2024-05-20',
        historyUrl: `https://github.com/cncf/tag-security/commits/main/${PATH}`,
      },
    ]);
  });
});

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

describe('warnings', () => {
  it('are counted apart from errors and do not stop the build', async () => {
    const warning: Problem = { file: 'a.mdx', line: 1, column: 1, rule: 'source-drift', message: 'm', fix: 'f', severity: 'warning' };
    const error: Problem = { ...warning, rule: 'schema', severity: undefined };
    expect(formatReport([warning])).toMatch(/0 errors, 1 warning in 1 file\.$/);
    expect(formatReport([error, error, warning])).toMatch(/2 errors, 1 warning in 1 file\.$/);
    expect(formatProblem(warning)).toBe('a.mdx:1:1  source-drift  warning: m  (f)');

    const root = mkdtempSync(join(tmpdir(), 'posture-provenance-'));
    try {
      mkdirSync(join(root, 'content/assessments'), { recursive: true });
      writeFileSync(join(root, 'content/sources.lock.json'), serializeLock(LOCK));
      writeFileSync(
        join(root, 'content/assessments/demo.mdx'),
        guide({ checked: `      blob: ${'d'.repeat(40)}\n      date: 2024-06-02` }),
      );
      const warnings: string[] = [];
      const setup = contentGate({ now: NOW }).hooks['astro:config:setup'] as unknown as (o: unknown) => Promise<void>;
      const logger = (warn: (m: string) => void) => ({ warn, info: () => undefined });
      const saved = process.env.POSTURE_CONTENT_DIR;
      process.env.POSTURE_CONTENT_DIR = join(root, 'content/assessments');
      try {
        await expect(
          setup({ config: { root: pathToFileURL(`${root}/`) }, command: 'build', logger: logger((m) => warnings.push(m)) }),
        ).resolves.toBeUndefined();
        expect(warnings.join('\n')).toMatch(/source-drift {2}warning:/);
        // A malformed lock is an error the build reports, not a crash.
        writeFileSync(join(root, 'content/sources.lock.json'), '{"version": 0}\n');
        await expect(setup({ config: { root: pathToFileURL(`${root}/`) }, command: 'build', logger: logger(() => {}) })).rejects.toThrow(
          /source-lock/,
        );
      } finally {
        restore('POSTURE_CONTENT_DIR', saved);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('npm run provenance', () => {
  it('totals what was verified and fails on provenance errors only', () => {
    const root = mkdtempSync(join(tmpdir(), 'posture-provenance-'));
    const out: string[] = [];
    const log = console.log;
    const error = console.error;
    console.log = (m: string) => out.push(m);
    console.error = (m: string) => out.push(m);
    try {
      mkdirSync(join(root, 'content/assessments'), { recursive: true });
      writeFileSync(join(root, 'content/sources.lock.json'), serializeLock(LOCK));
      writeFileSync(join(root, 'content/assessments/demo.mdx'), guide({ how: 'Set `--tls-cert-file` and `--admin-port`.' }));
      expect(provenanceMain(['--root', root])).toBe(0);
      const report = out.join('\n');
      expect(report).toMatch(/Checklist items +1: 1 stated, 0 derived/);
      expect(report).toMatch(/Heading anchors +2 of 2 verified/);
      expect(report).toMatch(/Literals +2 checked: 1 in the cited section, 1 only elsewhere in the document, 0 missing/);
      expect(report).toMatch(/Documents in the lock +1: 1 current, 0 drifted, 0 without checked.blob/);

      writeFileSync(join(root, 'content/assessments/demo.mdx'), guide({ how: 'Set `--nope`.' }));
      expect(provenanceMain(['--root', root])).toBe(1);
    } finally {
      console.log = log;
      console.error = error;
      rmSync(root, { recursive: true, force: true });
    }
  });
});
