import { describe, expect, it } from 'vitest';
import { effectiveDate, newestDocument, sortChecklist } from '../../src/lib/order.ts';
import { documentWarnings, trustLevel } from '../../src/lib/trust.ts';
import { buildDate, formatDate, parseIsoDate } from '../../src/lib/dates.ts';
import { anchorLabel, inlineCode, sourceLabel } from '../../src/lib/inline.ts';
import { isKnownRoute, withBase } from '../../src/lib/routes.ts';
import {
  auditRows,
  catalogCounts,
  groupByMaturity,
  sortAuditsByDate,
  sortByDate,
  summarize,
  type ProjectEntry,
  type ProjectWithStatus,
} from '../../src/lib/catalog.ts';
import { projectStatus } from '../../src/lib/status.ts';
import { hasCriteria, parseSearchParams, promoteExactNameMatches, toPagefindFilters, toSearchParams } from '../../src/lib/search-query.ts';
import { syntaxCss, styleToClassTransformer } from '../../src/lib/syntax-classes.ts';
import { assessmentSchema } from '../../src/schema/assessment.ts';

const d = (iso: string) => parseIsoDate(iso)!;
const doc = (over: Record<string, unknown> = {}) => ({
  kind: 'self-assessment' as const,
  stage: 'complete' as const,
  date: d('2020-01-01'),
  datePrecision: 'day' as const,
  dateSource: 'stated' as const,
  authors: [],
  reviewers: [],
  volunteerDrafted: false,
  source: 'https://example.org/a.md',
  checked: { date: '2026-11-01' },
  ...over,
});

describe('sortChecklist', () => {
  it('puts critical first and keeps author order within a severity', () => {
    const items = [
      { id: 'a', severity: 'medium' as const },
      { id: 'b', severity: 'critical' as const },
      { id: 'c', severity: 'medium' as const },
      { id: 'd', severity: 'low' as const },
      { id: 'e', severity: 'high' as const },
      { id: 'f', severity: 'critical' as const },
    ];
    expect(sortChecklist(items).map((i) => i.id)).toEqual(['b', 'f', 'e', 'a', 'c', 'd']);
  });
});

describe('newestDocument', () => {
  it('uses the revision date when there is one', () => {
    const older = doc({ date: d('2022-03-25'), revised: d('2025-08-15') });
    const newer = doc({ date: d('2024-01-01') });
    expect(newestDocument([older, newer])).toBe(older);
    expect(effectiveDate(older)).toEqual(d('2025-08-15'));
    expect(newestDocument([])).toBeUndefined();
  });
});

describe('trust', () => {
  it('classifies the evidence a page rests on', () => {
    expect(trustLevel([])).toBe('audit-only');
    expect(trustLevel([doc(), doc({ kind: 'joint-assessment' })])).toBe('joint-reviewed');
    expect(trustLevel([doc({ volunteerDrafted: true })])).toBe('volunteer-drafted');
    expect(trustLevel([doc({ volunteerDrafted: true }), doc()])).toBe('maintainer-written');
  });
  it('warns about the newest document only', () => {
    expect(documentWarnings([doc({ stage: 'incomplete', date: d('2019-01-01') }), doc({ date: d('2020-01-01') })])).toEqual([]);
    expect(documentWarnings([doc({ stage: 'in-progress' })]).map((w) => w.kind)).toEqual(['in-progress']);
  });
});

describe('dates', () => {
  it('parses strictly and formats to the known precision', () => {
    expect(parseIsoDate('2024-02-30')).toBeUndefined();
    expect(parseIsoDate('2024-2-3')).toBeUndefined();
    expect(formatDate(d('2024-06-01'), 'month')).toBe('June 2024');
    expect(formatDate(d('2024-06-01'), 'year')).toBe('2024');
    expect(formatDate(d('2020-02-26'))).toBe('26 February 2020');
  });
  it('honours SOURCE_DATE_EPOCH and rejects nonsense', () => {
    expect(buildDate({ SOURCE_DATE_EPOCH: '1700000000' }).toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(() => buildDate({ SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/SOURCE_DATE_EPOCH/);
  });
});

describe('inline text', () => {
  it('renders only code spans and escapes the rest', () => {
    expect(inlineCode('Set `a<b>` and <script>x</script>')).toBe('Set <code>a&lt;b&gt;</code> and &lt;script&gt;x&lt;/script&gt;');
  });
  it('turns bare https URLs into external links without swallowing punctuation', () => {
    expect(inlineCode('See https://antrea.io/docs/x/. Done')).toBe(
      'See <a href="https://antrea.io/docs/x/" class="external" rel="noopener noreferrer">https://antrea.io/docs/x/<span class="visually-hidden" data-pagefind-ignore> (external site)</span></a>. Done',
    );
    expect(inlineCode('`https://a.org/x` is a link')).toBe(
      '<a href="https://a.org/x" class="external" rel="noopener noreferrer"><code>https://a.org/x</code><span class="visually-hidden" data-pagefind-ignore> (external site)</span></a> is a link',
    );
    expect(inlineCode('`curl https://a.org | sh` stays code')).toBe('<code>curl https://a.org | sh</code> stays code');
    expect(inlineCode('http://plain.org is not linked')).toBe('http://plain.org is not linked');
  });
  it('labels sources readably', () => {
    expect(anchorLabel('https://x.org/a.md#security-relevant')).toBe('Security relevant');
    expect(anchorLabel('https://x.org/a.md#:~:text=Configuration%20and%20Set%2DUp')).toBe('Configuration and Set-Up');
    expect(anchorLabel('https://x.org/report.pdf')).toBe('');
    expect(sourceLabel('https://github.com/cncf/tag-security/blob/main/community/assessments/projects/flux/self-assessment.md#x')).toBe(
      'self-assessment.md in cncf/tag-security',
    );
  });
});

describe('routes', () => {
  it('knows which internal links exist', () => {
    const slugs = new Set(['flux']);
    expect(isKnownRoute('/projects/flux/#secure-usage-checklist', slugs)).toBe(true);
    expect(isKnownRoute('/projects/flux', slugs)).toBe(false);
    expect(isKnownRoute('/projects/nope/', slugs)).toBe(false);
    expect(isKnownRoute('/search/?q=mtls', slugs)).toBe(true);
    expect(withBase('/projects/', '/posture/')).toBe('/posture/projects/');
    expect(withBase('/projects/', '/')).toBe('/projects/');
  });
});

describe('catalog', () => {
  const make = (slug: string, fm: Record<string, unknown>): ProjectEntry => ({
    slug,
    data: assessmentSchema.parse({
      name: slug.toUpperCase(),
      summary: 's',
      category: 'C',
      maturity: 'sandbox',
      maturityDate: '2026-08-07',
      repos: [],
      ...fm,
    }),
  });
  const source = 'https://example.org/a.md';
  const entries = [
    make('old', {
      maturity: 'graduated',
      documents: [{ ...doc({ date: '2019-05-01' }), source }],
      audits: [{ date: '2019-01-01', type: 'security', vendor: 'V' }],
    }),
    make('new', {
      documents: [{ ...doc({ date: '2026-05-01' }), source }],
      checklist: [{ id: 'xx', action: 'a', severity: 'low', why: 'w', source: `${source}#h`, basis: 'derived' }],
    }),
    make('audited', {
      audits: [
        { type: 'fuzzing', vendor: 'W' },
        { date: '2023-01-01', type: 'security', vendor: 'V' },
      ],
    }),
  ];
  const now = d('2026-11-27');
  const withStatus = (entry: ProjectEntry): ProjectWithStatus => ({ ...entry, status: projectStatus(entry.data.documents, now) });
  it('sorts by newest assessment with audit-only projects last', () => {
    expect(sortByDate(entries.map((e) => summarize(withStatus(e)))).map((s) => s.slug)).toEqual(['new', 'old', 'audited']);
  });
  it('summarizes freshness and trust', () => {
    const [old, fresh, audited] = entries.map((e) => summarize(withStatus(e)));
    expect(old!.age?.freshness).toBe('stale');
    expect(fresh!.age?.freshness).toBe('current');
    expect(audited!.trust).toBe('audit-only');
  });
  it('groups by maturity, most mature first', () => {
    expect(groupByMaturity(entries.map((e) => summarize(withStatus(e)))).map((g) => g.key)).toEqual(['graduated', 'sandbox']);
  });
  it('lists every audit, undated ones last', () => {
    const rows = sortAuditsByDate(auditRows(entries));
    expect(rows.map((r) => `${r.slug}:${r.date ? r.date.getUTCFullYear() : 'undated'}`)).toEqual([
      'audited:2023',
      'old:2019',
      'audited:undated',
    ]);
    expect(catalogCounts(entries)).toEqual({ projects: 3, assessedProjects: 2, documents: 2, audits: 3, checklistItems: 1 });
  });
});

describe('search URL state', () => {
  it('round-trips query, filters and sort through the URL', () => {
    const state = parseSearchParams(
      new URLSearchParams('q=mtls&maturity=Graduated&maturity=Incubating&severity=Critical&sort=date&bogus=1'),
    );
    expect(state).toEqual({ q: 'mtls', filters: { maturity: ['Graduated', 'Incubating'], severity: ['Critical'] }, sort: 'date' });
    expect(toSearchParams(state).toString()).toBe('q=mtls&maturity=Graduated&maturity=Incubating&severity=Critical&sort=date');
    expect(toPagefindFilters(state.filters)).toEqual({ maturity: { any: ['Graduated', 'Incubating'] }, severity: { any: ['Critical'] } });
    expect(hasCriteria(parseSearchParams(new URLSearchParams('')))).toBe(false);
  });
});

describe('promoteExactNameMatches', () => {
  const results = [
    { meta: { title: 'OpenTelemetry', aliases: 'OTel, OpAMP' } },
    { meta: { title: 'Open Policy Agent', aliases: 'OPA, Rego' } },
    { meta: { title: 'Kubescape' } },
  ];
  it('moves a project whose alias or name equals the query to the front', () => {
    expect(promoteExactNameMatches(results, 'opa').map((r) => r.meta.title)).toEqual(['Open Policy Agent', 'OpenTelemetry', 'Kubescape']);
    expect(promoteExactNameMatches(results, ' Kubescape ').map((r) => r.meta.title)[0]).toBe('Kubescape');
  });
  it('leaves the order alone when nothing is named exactly', () => {
    expect(promoteExactNameMatches(results, 'rbac')).toEqual(results);
    expect(promoteExactNameMatches(results, 'op')).toEqual(results);
  });
});

describe('syntax classes', () => {
  it('turns shiki inline colours into classes the stylesheet defines', () => {
    const node = { type: 'element', tagName: 'span', properties: { style: '--shiki-light:#0A3069;--shiki-dark:#A5D6FF' }, children: [] };
    styleToClassTransformer.span!.call({} as never, node as never, 0, 0, node as never, {} as never);
    expect(node.properties).toEqual({ class: 'sl-0a3069 sd-a5d6ff' });
    const css = syntaxCss({ fg: '#0A3069' }, { fg: '#A5D6FF' });
    expect(css).toContain('.sl-0a3069{color:#0a3069}');
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\)\{\.sd-a5d6ff\{color:#a5d6ff\}\}/);
  });
});

describe('exportCatalog', () => {
  it('exports one sorted record per project with its newest document and counts', async () => {
    const { exportCatalog } = await import('../../src/lib/export.ts');
    const source = 'https://example.org/a.md';
    const entry = (slug: string, fm: Record<string, unknown>): ProjectWithStatus => {
      const data = assessmentSchema.parse({
        name: slug,
        summary: 's',
        category: 'C',
        maturity: 'graduated',
        maturityDate: '2026-08-07',
        repos: [],
        ...fm,
      });
      return { slug, data, status: projectStatus(data.documents, d('2026-11-27')) };
    };
    const out = exportCatalog(
      [
        entry('zeta', { audits: [{ type: 'security', vendor: 'V' }] }),
        entry('alpha', {
          documents: [{ ...doc({ date: '2024-06-01', stage: 'incomplete' }), source }],
          checklist: [{ id: 'aa', action: 'a', severity: 'high', why: 'w', source: `${source}#x`, basis: 'stated' }],
        }),
      ],
      d('2026-11-27'),
      'https://posture.example/base/',
    );
    expect(out.generated).toBe('2026-11-27');
    expect(out.projects.map((p) => p.slug)).toEqual(['alpha', 'zeta']);
    expect(out.projects[0]).toMatchObject({
      url: 'https://posture.example/base/projects/alpha/',
      trust: 'maintainer-written',
      newestDocument: { stage: 'incomplete', date: '2024-06-01', freshness: 'aging' },
      checklist: { total: 1, high: 1 },
    });
    expect(out.projects[1]).toMatchObject({
      trust: 'audit-only',
      newestDocument: null,
      audits: [{ date: null, vendor: 'V', report: null }],
    });
  });
});

describe('correction links', () => {
  it('edit the guide file and prefill the problem form with project, item and source', async () => {
    const { editUrl, reportProblemUrl } = await import('../../src/lib/corrections.ts');
    expect(editUrl('https://github.com/o/r', 'flux')).toBe('https://github.com/o/r/edit/main/content/assessments/flux.mdx');
    const url = new URL(
      reportProblemUrl('https://github.com/o/r', { project: 'flux', item: 'verify-oci', source: 'https://x.org/a.md#b' }),
    );
    expect(url.pathname).toBe('/o/r/issues/new');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      template: 'report-a-problem.yml',
      project: 'flux',
      item: 'verify-oci',
      source: 'https://x.org/a.md#b',
      title: '[Correction] flux: verify-oci',
    });
  });
});
