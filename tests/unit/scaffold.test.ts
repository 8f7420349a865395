import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scaffoldAssessment, suggestSlug, validateSlug, type ScaffoldOptions } from '../../src/lib/scaffold.ts';
import { lintContent } from '../../src/lint/run.ts';
import { lintInputOf } from '../../src/lint/files.ts';
import { assessmentSchema } from '../../src/schema/assessment.ts';
import { DOCUMENT_KINDS, GUIDE_HEADINGS, MATURITIES } from '../../src/schema/enums.ts';
import { main as newAssessment } from '../../scripts/new.ts';
import { runCli } from '../support/cli.ts';

const NOW = new Date('2026-03-01T12:00:00Z');
const TODAY = '2026-03-01';

function frontmatterOf(text: string): unknown {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error('no frontmatter');
  return parse(match[1]!);
}

function lint(slug: string, text: string) {
  return lintContent([lintInputOf(`content/assessments/${slug}.mdx`, new TextEncoder().encode(text))], { now: NOW });
}

/** What a contributor does: every TODO becomes real text (URL parts stay URL-safe). */
function fillIn(text: string): string {
  return text
    .replace(/#TODO-heading-anchor/g, '#security-considerations')
    .replace(/TODO-(org|repo|document)/g, 'example-$1')
    .replace(/TODO[^"\n]*/g, 'A real fact from the assessment.');
}

const variants: Array<[string, ScaffoldOptions]> = [
  ['minimal', { slug: 'example-project', name: 'Example Project', today: TODAY }],
  [
    'everything given, awkward YAML',
    {
      slug: 'spiky-yaml',
      name: 'Spiky: "Quoted" #1 & [co]',
      kind: 'joint-assessment',
      maturity: 'graduated',
      category: 'Security & Compliance: {braces}',
      summary: "It's a test:\n with a newline, a # and 'quotes'.",
      source: 'https://github.com/cncf/tag-security/blob/main/community/assessments/projects/x/README.md#already-anchored',
      date: '2024-02-29',
      today: TODAY,
      volunteerDrafted: true,
    },
  ],
  ['a pdf source', { slug: 'pdf-doc', name: 'true', source: 'https://example.org/report.pdf', today: TODAY, kind: 'threat-model' }],
];

describe('scaffoldAssessment', () => {
  for (const [label, options] of variants) {
    describe(label, () => {
      const text = scaffoldAssessment(options);

      it('parses and passes the schema as is', () => {
        const result = assessmentSchema.safeParse(frontmatterOf(text));
        expect(result.error?.issues).toBeUndefined();
        expect(result.data?.name).toBe(options.name.replace(/\s+/g, ' ').trim());
        expect(result.data?.maturity).toBe(options.maturity ?? 'sandbox');
        expect(result.data?.documents[0]?.kind).toBe(options.kind ?? 'self-assessment');
        expect(result.data?.documents[0]?.volunteerDrafted).toBe(options.volunteerDrafted ?? false);
        if (options.source) expect(result.data?.documents[0]?.source).toBe(options.source);
        if (options.summary) expect(result.data?.summary).toBe(options.summary.replace(/\s+/g, ' ').trim());
      });

      it('has the six guide headings in order', () => {
        const headings = text
          .split('\n')
          .filter((line) => line.startsWith('## '))
          .map((line) => line.slice(3));
        expect(headings).toEqual([...GUIDE_HEADINGS]);
      });

      it('gets only todo-marker problems from the content lint', () => {
        const problems = lint(options.slug, text);
        expect(problems.length).toBeGreaterThan(0);
        expect(new Set(problems.map((p) => p.rule))).toEqual(new Set(['todo-marker']));
      });

      it('gets no problems once every TODO is replaced', () => {
        const filled = fillIn(text);
        expect(filled).not.toMatch(/\bTODO\b/);
        expect(lint(options.slug, filled)).toEqual([]);
      });
    });
  }

  it('marks the checklist source as the document URL plus a heading anchor', () => {
    const text = scaffoldAssessment({ slug: 'anchor-test', name: 'Anchor', source: 'https://example.org/a.md#x', today: TODAY });
    const data = frontmatterOf(text) as { checklist: Array<{ source: string; action: string; why: string }> };
    expect(data.checklist).toHaveLength(1);
    expect(data.checklist[0]!.source).toBe('https://example.org/a.md#TODO-heading-anchor');
    expect(data.checklist[0]!.action).toMatch(/\bTODO\b/);
    expect(data.checklist[0]!.why).toMatch(/\bTODO\b/);
  });

  it('marks a defaulted document date TODO but trusts a given one', () => {
    const defaulted = scaffoldAssessment({ slug: 'dated', name: 'Dated', today: TODAY });
    expect(defaulted).toMatch(/^ {4}date: 2026-03-01 {2}# TODO/m);
    const given = scaffoldAssessment({ slug: 'dated', name: 'Dated', today: TODAY, date: '2025-05-05' });
    expect(given).toMatch(/^ {4}date: 2025-05-05$/m);
  });

  it('throws on options it cannot turn into a valid file', () => {
    expect(() => scaffoldAssessment({ slug: 'Bad_Slug', name: 'X', today: TODAY })).toThrow(/slug/);
    expect(() => scaffoldAssessment({ slug: 'ok-slug', name: '  ', today: TODAY })).toThrow(/name/);
    expect(() => scaffoldAssessment({ slug: 'ok-slug', name: 'X', today: TODAY, date: '2024-02-30' })).toThrow(/date/);
  });

  it('accepts every kind and maturity', () => {
    for (const kind of DOCUMENT_KINDS) {
      for (const maturity of MATURITIES) {
        const text = scaffoldAssessment({ slug: 'every-combo', name: 'Combo', kind, maturity, today: TODAY });
        expect(assessmentSchema.safeParse(frontmatterOf(text)).success).toBe(true);
      }
    }
  });
});

describe('validateSlug', () => {
  it.each(['Bad_Slug', '', 'a', '-x', 'x-', 'double--hyphen', 'x'.repeat(61)])('rejects %j', (slug) => {
    expect(validateSlug(slug)).toEqual(expect.any(String));
  });
  it.each(['open-policy-agent', 'k3s', 'ab', 'x'.repeat(60)])('accepts %j', (slug) => {
    expect(validateSlug(slug)).toBeUndefined();
  });
});

describe('suggestSlug', () => {
  it('derives a valid slug from a name', () => {
    expect(suggestSlug('SPIFFE / SPIRE')).toBe('spiffe-spire');
    expect(suggestSlug('Open Policy Agent (OPA)')).toBe('open-policy-agent-opa');
    expect(suggestSlug('Bad_Slug')).toBe('bad-slug');
    expect(suggestSlug('Crème Brûlée')).toBe('creme-brulee');
    expect(validateSlug(suggestSlug(`A ${'very '.repeat(30)}long name`))).toBeUndefined();
  });
});

describe('npm run new (CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'posture-new-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) =>
    runCli(newAssessment, args, { POSTURE_CONTENT_DIR: dir, SOURCE_DATE_EPOCH: String(NOW.getTime() / 1000) });

  it('writes a file for valid flags and prints the next steps', async () => {
    const result = await run(
      '--slug',
      'cli-project',
      '--name',
      'CLI Project',
      '--maturity',
      'incubating',
      '--source',
      'https://example.org/assessment.md',
      '--volunteer',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const file = join(dir, 'cli-project.mdx');
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(
      scaffoldAssessment({
        slug: 'cli-project',
        name: 'CLI Project',
        maturity: 'incubating',
        source: 'https://example.org/assessment.md',
        volunteerDrafted: true,
        today: TODAY,
      }),
    );
    expect(new Set(lint('cli-project', text).map((p) => p.rule))).toEqual(new Set(['todo-marker']));
    expect(result.stdout).toContain('cli-project.mdx');
    expect(result.stdout).toContain('npm run check');
    expect(result.stdout).toContain('npm run build && npm run preview');
    expect(result.stdout).toContain('http://localhost:4321/projects/cli-project/');
  });

  it('refuses an existing slug with exit 1, naming the file, and leaves it alone', async () => {
    const file = join(dir, 'taken.mdx');
    writeFileSync(file, 'original');
    const result = await run('--slug', 'taken', '--name', 'Taken');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('taken.mdx');
    expect(result.stderr).toMatch(/already exists/);
    expect(result.stderr).toMatch(/edit/i);
    expect(readFileSync(file, 'utf8')).toBe('original');
  });

  it('refuses a bad slug with exit 2, saying why and suggesting one', async () => {
    const result = await run('--slug', 'Bad_Slug', '--name', 'Bad Slug');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/kebab-case/);
    expect(result.stderr).toContain('bad-slug');
    expect(existsSync(join(dir, 'Bad_Slug.mdx'))).toBe(false);
  });

  it('exits 2 with usage when --name is missing and there is no terminal', async () => {
    const result = await run('--slug', 'no-name');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--name/);
    expect(result.stderr).toMatch(/Usage:/);
    expect(existsSync(join(dir, 'no-name.mdx'))).toBe(false);
  });

  it('rejects --force, unknown flags and invalid values with exit 2', async () => {
    for (const args of [
      ['--slug', 'forced', '--name', 'F', '--force'],
      ['--slug', 'unknown-flag', '--name', 'U', '--bogus'],
      ['--slug', 'bad-kind', '--name', 'K', '--kind', 'audit'],
      ['--slug', 'bad-source', '--name', 'S', '--source', 'http://example.org/doc.md'],
      ['--slug', 'future-date', '--name', 'D', '--date', '2999-01-01'],
    ]) {
      const result = await run(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(existsSync(join(dir, `${args[1]}.mdx`))).toBe(false);
    }
  });
});
