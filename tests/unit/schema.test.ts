// The frontmatter schema, directly and through the lint: every rejection
// names the file and the field path, and every real assessment passes.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../../src/lint/problem.ts';
import { fieldPath } from '../../src/lint/problem.ts';
import { lintContent } from '../../src/lint/run.ts';
import { lintInputOf } from '../../src/lint/files.ts';
import { readContentFile } from '../../src/lint/source.ts';
import { assessmentSchema } from '../../src/schema/assessment.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CONTENT = resolve(ROOT, 'content/assessments');
const NOW = new Date('2026-11-27T00:00:00Z');
const VALID_TEXT = readFileSync(resolve(ROOT, 'tests/fixtures/valid/valid-minimal.mdx'), 'utf8');
const FILE = 'content/assessments/minimal-example.mdx';

type Entry = Record<string, unknown>;
/** The frontmatter as tests edit it: lists of entries they can change in place. */
interface Frontmatter extends Entry {
  repos: string[];
  documents: [Entry, ...Entry[]];
  checklist: [Entry, ...Entry[]];
}

/** The frontmatter of valid-minimal.mdx as the lint sees it (dates still strings). */
function validData(): Frontmatter {
  const read = readContentFile(FILE, new TextEncoder().encode(VALID_TEXT));
  if (!read.ok) throw new Error(read.problems.map(formatProblem).join('\n'));
  return structuredClone(read.content.data) as Frontmatter;
}

function edit(from: string, to: string): string {
  if (!VALID_TEXT.includes(from)) throw new Error(`valid-minimal.mdx no longer contains ${JSON.stringify(from)}`);
  return VALID_TEXT.replace(from, to);
}

function lint(text: string, file = FILE): Problem[] {
  return lintContent([lintInputOf(file, new TextEncoder().encode(text))], { now: NOW });
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

describe('fieldPath', () => {
  it('joins keys with dots and indexes with brackets', () => {
    expect(fieldPath(['name'])).toBe('name');
    expect(fieldPath(['documents', 0, 'date'])).toBe('documents[0].date');
    expect(fieldPath(['checklist', 2])).toBe('checklist[2]');
    expect(fieldPath(['checklist', 1, 'snippet', 'lang'])).toBe('checklist[1].snippet.lang');
    expect(fieldPath(['repos', 0])).toBe('repos[0]');
    expect(fieldPath([0, 'id'])).toBe('[0].id');
    expect(fieldPath([])).toBe('');
  });
});

describe('assessmentSchema', () => {
  it('accepts valid-minimal.mdx', () => {
    const result = assessmentSchema.safeParse(validData());
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  const rejects = (mutate: (data: Frontmatter) => void) => {
    const data = validData();
    mutate(data);
    const result = assessmentSchema.safeParse(data);
    expect(result.success).toBe(false);
    return result.error!.issues;
  };

  it('rejects a missing required field', () => {
    const issues = rejects((d) => delete d.name);
    expect(issues).toEqual([expect.objectContaining({ code: 'invalid_type', path: ['name'] })]);
  });

  it('rejects an unknown key', () => {
    const issues = rejects((d) => (d.homepage = 'https://example.com/'));
    expect(issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['homepage'], path: [] })]);
  });

  it('rejects an unknown key inside a list item', () => {
    const issues = rejects((d) => (d.documents[0].pages = 12));
    expect(issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['pages'], path: ['documents', 0] })]);
  });

  it('rejects bad enum values', () => {
    expect(rejects((d) => (d.checklist[0].severity = 'urgent'))).toEqual([
      expect.objectContaining({ code: 'invalid_value', path: ['checklist', 0, 'severity'] }),
    ]);
    expect(rejects((d) => (d.maturity = 'mature'))).toEqual([expect.objectContaining({ code: 'invalid_value', path: ['maturity'] })]);
    expect(rejects((d) => (d.documents[0].stage = 'finished'))).toEqual([
      expect.objectContaining({ code: 'invalid_value', path: ['documents', 0, 'stage'] }),
    ]);
  });

  it('rejects an impossible date instead of rolling it over', () => {
    expect(rejects((d) => (d.maturityDate = '2024-02-30'))).toEqual([expect.objectContaining({ path: ['maturityDate'] })]);
    expect(rejects((d) => (d.documents[0].date = '2023-13-01'))).toEqual([expect.objectContaining({ path: ['documents', 0, 'date'] })]);
    expect(rejects((d) => (d.maturityDate = '15/01/2024'))).toEqual([expect.objectContaining({ path: ['maturityDate'] })]);
  });

  it('rejects non-https URLs', () => {
    expect(rejects((d) => (d.repos[0] = 'http://github.com/example/minimal'))).toEqual([expect.objectContaining({ path: ['repos', 0] })]);
    expect(rejects((d) => (d.website = 'ftp://example.com/'))).toEqual([expect.objectContaining({ path: ['website'] })]);
    expect(rejects((d) => (d.documents[0].source = 'github.com/example/minimal'))).toEqual([
      expect.objectContaining({ path: ['documents', 0, 'source'] }),
    ]);
  });

  it('rejects a checklist source without a #anchor, except a PDF', () => {
    expect(rejects((d) => (d.checklist[0].source = 'https://example.com/assessment.md'))).toEqual([
      expect.objectContaining({ path: ['checklist', 0, 'source'] }),
    ]);
    const data = validData();
    data.checklist[0].source = 'https://example.com/assessment.pdf';
    expect(assessmentSchema.safeParse(data).success).toBe(true);
  });

  it('rejects a duplicate checklist id at the second use', () => {
    const issues = rejects((d) => d.checklist.push({ ...d.checklist[0], action: 'Something else.' }));
    expect(issues).toEqual([expect.objectContaining({ code: 'custom', path: ['checklist', 1, 'id'] })]);
    expect(issues[0]!.message).toContain('duplicate checklist id "enable-tls"');
  });

  it("checks only the form of related slugs; existence is the lint's cross-file rule", () => {
    expect(rejects((d) => (d.related = ['Not A Slug']))).toEqual([expect.objectContaining({ path: ['related', 0] })]);
    const data = validData();
    data.related = ['does-not-exist'];
    expect(assessmentSchema.safeParse(data).success).toBe(true);
  });
});

describe('schema problems through the lint name the file and the field path', () => {
  const cases: Array<{ name: string; text: string; rule: string; line: (text: string) => number; mentions: string[] }> = [
    {
      name: 'missing required field',
      text: edit('name: Minimal Project\n', ''),
      rule: 'schema',
      line: () => 2,
      mentions: ['missing required field `name`', 'add the required field `name`'],
    },
    {
      name: 'unknown key',
      text: edit('related: []\n', 'related: []\nhomepage: https://example.com/\n'),
      rule: 'schema',
      line: (t) => lineOf(t, 'homepage:'),
      mentions: ['unknown field `homepage`'],
    },
    {
      name: 'unknown key in a list item',
      text: edit('    volunteerDrafted: false\n', '    volunteerDrafted: false\n    pages: 12\n'),
      rule: 'schema',
      line: (t) => lineOf(t, 'pages: 12'),
      mentions: ['unknown field `documents[0].pages`'],
    },
    {
      name: 'bad enum value',
      text: edit('severity: high', 'severity: urgent'),
      rule: 'schema',
      line: (t) => lineOf(t, 'severity: urgent'),
      mentions: ['`checklist[0].severity`', 'critical | high | medium | low', '"urgent"', 'use one of: critical, high, medium, low'],
    },
    {
      name: 'invalid date',
      text: edit('maturityDate: 2024-01-15', 'maturityDate: 2024-02-30'),
      rule: 'schema',
      line: (t) => lineOf(t, 'maturityDate:'),
      mentions: ['`maturityDate`', '"2024-02-30"'],
    },
    {
      name: 'non-https URL',
      text: edit('  - https://github.com/example/minimal\n', '  - http://github.com/example/minimal\n'),
      rule: 'schema',
      line: (t) => lineOf(t, '- http://github.com'),
      mentions: ['`repos[0]`', 'https://', '"http://github.com/example/minimal"'],
    },
    {
      name: 'duplicate checklist id',
      text: edit(
        'related: []\n',
        [
          '  - id: enable-tls',
          '    action: Rotate the certificate yearly.',
          '    severity: low',
          '    why: A leaked key stays useful until the certificate expires.',
          '    source: https://github.com/example/minimal/blob/main/SECURITY.md#certificates',
          '    basis: derived',
          'related: []',
          '',
        ].join('\n'),
      ),
      rule: 'schema',
      line: (t) => t.split('\n').findLastIndex((l) => l.includes('- id: enable-tls')) + 1,
      mentions: ['`checklist[1].id`', 'duplicate checklist id "enable-tls"'],
    },
    {
      name: 'dangling related reference',
      text: edit('related: []', 'related: [does-not-exist]'),
      rule: 'related-missing',
      line: (t) => lineOf(t, 'related:'),
      mentions: ['related project "does-not-exist" does not exist', 'content/assessments/'],
    },
    {
      name: 'a project related to itself',
      text: edit('related: []', 'related:\n  - minimal-example'),
      rule: 'related-missing',
      line: (t) => lineOf(t, '  - minimal-example'),
      mentions: ['a project cannot be related to itself', 'remove "minimal-example" from related'],
    },
  ];

  it.each(cases)('$name', ({ text, rule, line, mentions }) => {
    const problems = lint(text);
    const formatted = problems.map(formatProblem);
    expect(problems, formatted.join('\n')).toHaveLength(1);
    const [problem] = problems;
    expect(problem!.rule).toBe(rule);
    expect(problem!.line).toBe(line(text));
    expect(formatted[0]!.startsWith(`${FILE}:${line(text)}:${problem!.column}  ${rule}  `), formatted[0]).toBe(true);
    for (const mention of mentions) expect(formatted[0]).toContain(mention);
  });

  it('says to remove an unknown key, and names it', () => {
    const [problem] = lint(edit('category: Testing\n', 'category: Testing\nhomepgae: https://example.com/\n'));
    expect(problem!.message).toBe('unknown field `homepgae`');
    expect(problem!.fix).toMatch(/^remove the key or correct its spelling/);
  });

  it('does not tell the contributor to add a field that is present but has the wrong type', () => {
    const [problem] = lint(edit('maturityDate: 2024-01-15', 'maturityDate: 2024-02-30'));
    expect(problem!.fix).not.toMatch(/add the required field/);
  });

  it('reports every schema problem of a file at once', () => {
    const text = edit('maturity: sandbox', 'maturity: mature')
      .replace('severity: high', 'severity: urgent')
      .replace('name: Minimal Project\n', '');
    const fields = lint(text).map((p) => p.message);
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.stringContaining('`name`'),
        expect.stringContaining('`maturity`'),
        expect.stringContaining('`checklist[0].severity`'),
      ]),
    );
  });
});

describe('the real assessments', () => {
  const names = readdirSync(CONTENT)
    .filter((name) => name.endsWith('.mdx'))
    .sort();
  const inputs = names.map((name) => lintInputOf(`content/assessments/${name}`, new Uint8Array(readFileSync(resolve(CONTENT, name)))));

  it('exist', () => {
    expect(names.length).toBeGreaterThan(10);
    expect(readdirSync(CONTENT).filter((name) => !name.startsWith('.') && !name.startsWith('_'))).toEqual(names);
  });

  it('all pass the whole lint, linted together as the build does', () => {
    // Far ahead of any content date, so this test never depends on the real clock; future dates have their own fixtures.
    expect(lintContent(inputs, { now: new Date('2100-01-01T00:00:00Z') }).map(formatProblem)).toEqual([]);
  });
});

describe('redirect-conflict', () => {
  it('refuses a redirect that would shadow a fixed page of the site', () => {
    const problems = lint(edit('related: []', 'related: []\nredirectFrom: [/about/]'));
    expect(problems.map((p) => `${p.rule}: ${p.message}`)).toEqual(['redirect-conflict: redirect /about/ would hide a page of the site']);
  });
});

describe('fix hints', () => {
  it('an http source gets a concrete fix, and long values keep their end', () => {
    const source = /^ {4}source: (https:\/\/\S+#\S+)$/m.exec(VALID_TEXT)![1]!;
    const [problem] = lint(edit(`source: ${source}`, `source: ${source.replace('https://', 'http://')}`));
    expect(problem!.fix).toMatch(/use the https:\/\/ address/);
    if (source.length > 72) expect(problem!.message).toContain(source.slice(-20));
  });
});

describe('fix hints say what to do', () => {
  it('a correction with one source is told to list both sources, not to "give it a value"', () => {
    const [problem] = lint(
      edit(
        'related: []\n',
        'corrections:\n  - text: The two documents disagree on the date.\n    sources: [https://example.org/a.md]\nrelated: []\n',
      ),
    );
    expect(problem!.message).toContain('`corrections[0].sources`');
    expect(problem!.fix).toBe('list at least 2 entries in `corrections[0].sources`');
  });

  it('a fixed finding without statusSource is told how to show the status', () => {
    const [problem] = lint(edit('related: []\n', 'findings:\n  - text: Add fuzzing.\n    to: project\n    status: fixed\nrelated: []\n'));
    expect(problem!.message).toContain('`findings[0].statusSource`');
    expect(problem!.fix).toMatch(/add `statusSource:`.*or set `status: not-recorded`/);
  });

  it('names fields one way everywhere: documents[0].date, never documents.0.date', () => {
    const problems = lint(edit('    date: 2024-02-01', '    date: 2099-02-01'));
    expect(problems.map((p) => p.rule)).toContain('future-date');
    for (const problem of problems) expect(problem.message).not.toMatch(/\w\.\d+\./);
    expect(problems.find((p) => p.rule === 'future-date')!.message).toContain('documents[0].date is 2099-02-01');
  });
});

describe('one slug rule for the schema, the lint and the scaffold', () => {
  it('refuses a 61-character file name in the lint with the same words npm run new uses', async () => {
    const { validateSlug } = await import('../../src/lib/scaffold.ts');
    const long = 'x'.repeat(61);
    const [problem] = lint(VALID_TEXT, `content/assessments/${long}.mdx`);
    expect(problem!.rule).toBe('file-name');
    expect(problem!.message).toContain(validateSlug(long)!);
  });

  it('refuses a one-letter checklist id as the scaffold refuses a one-letter slug', () => {
    const problems = lint(edit('  - id: enable-tls', '  - id: x'));
    expect(problems.map((p) => `${p.rule} ${p.message}`)).toEqual([
      expect.stringContaining('`checklist[0].id`: the slug must be 2 to 60 characters long'),
    ]);
  });
});
