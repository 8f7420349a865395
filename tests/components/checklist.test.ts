// Components rendered through Astro's container API, as a reader would get them.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import ChecklistItem from '../../src/components/ChecklistItem.astro';
import Checklist from '../../src/components/Checklist.astro';
import WarningBanner from '../../src/components/WarningBanner.astro';
import ProjectHeader from '../../src/components/ProjectHeader.astro';
import { assessmentSchema, type ChecklistItem as Item } from '../../src/schema/assessment.ts';
import { documentWarnings } from '../../src/lib/trust.ts';
import { projectStatus } from '../../src/lib/status.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const source = 'https://github.com/cncf/tag-security/blob/main/community/assessments/projects/demo/self-assessment.md#hardening';
const plain: Item = {
  id: 'restrict-tap',
  action: 'Restrict `tap` with RBAC.',
  severity: 'high',
  why: 'Tap shows <headers> of live requests.',
  source,
  basis: 'stated',
};
const withSnippet: Item = {
  ...plain,
  id: 'set-flag',
  how: 'Set `skip_kubelet_verification` to `false`.',
  snippet: { lang: 'yaml', code: 'skip_kubelet_verification: false\n' },
};

describe('ChecklistItem', () => {
  it('renders action, why, source and a stable anchor, escaping text', async () => {
    const html = await container.renderToString(ChecklistItem, { props: { item: plain } });
    expect(html).toContain('id="restrict-tap"');
    expect(html).toContain('Restrict <code>tap</code> with RBAC.');
    expect(html).toContain('Tap shows &lt;headers&gt; of live requests.');
    expect(html).toContain(`href="${source}"`);
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('href="#restrict-tap"');
    expect(html).toMatch(/Severity: <\/span>High/);
    expect(html).not.toContain('code-block');
  });

  it('highlights a snippet with classes only, for light and dark themes', async () => {
    const html = await container.renderToString(ChecklistItem, { props: { item: withSnippet } });
    expect(html).toContain('<code>skip_kubelet_verification</code>');
    expect(html).toContain('class="code-block"');
    expect(html).toMatch(/class="sl-[0-9a-f]{6} sd-[0-9a-f]{6}"/);
    expect(html).not.toMatch(/<span[^>]* style=/);
  });
});

describe('Checklist', () => {
  it('orders items most severe first', async () => {
    const items: Item[] = [
      { ...plain, id: 'low-one', severity: 'low' },
      { ...plain, id: 'critical-one', severity: 'critical' },
      { ...plain, id: 'medium-one', severity: 'medium' },
    ];
    const html = await container.renderToString(Checklist, { props: { items } });
    const order = [...html.matchAll(/<li class="checklist-item[^"]*" data-item="([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['critical-one', 'medium-one', 'low-one']);
    expect(html).toContain('1 critical, 1 medium, 1 low');
    expect(html).not.toContain('data-thin-guidance');
  });

  it('says plainly when the assessment offers little guidance', async () => {
    const html = await container.renderToString(Checklist, { props: { items: [plain] } });
    expect(html).toContain('data-thin-guidance');
    expect(html).toContain('only one concrete action');
  });
});

describe('warnings', () => {
  const base = {
    kind: 'self-assessment',
    date: new Date('2023-12-05'),
    datePrecision: 'day',
    dateSource: 'repository-history',
    authors: [],
    reviewers: [],
    source: 'https://example.org/sa.md',
    checked: { date: new Date('2026-11-01') },
  } as const;

  it('banner names every warning in words', async () => {
    const warnings = documentWarnings([{ ...base, stage: 'incomplete', volunteerDrafted: true }]);
    const html = await container.renderToString(WarningBanner, { props: { warnings } });
    expect(html).toContain('Warning: read this guide with care');
    expect(html).toContain('data-warning="incomplete"');
    expect(html).toContain('data-warning="volunteer-drafted"');
    expect(html).toContain('role="note"');
  });

  it('renders nothing for a complete, maintainer-written document', async () => {
    const html = await container.renderToString(WarningBanner, {
      props: { warnings: documentWarnings([{ ...base, stage: 'complete', volunteerDrafted: false }]) },
    });
    expect(html.trim()).toBe('');
  });

  it('project header shows the draft warning, the trust sentence and the age', async () => {
    const data = assessmentSchema.parse({
      name: 'Demo',
      summary: 'A demo project.',
      category: 'Provisioning / Security & Compliance',
      maturity: 'sandbox',
      maturityDate: '2026-08-07',
      repos: ['https://github.com/demo/demo'],
      documents: [{ ...base, date: '2025-04-10', stage: 'draft', volunteerDrafted: false }],
    });
    const status = projectStatus(data.documents, new Date('2026-11-27T00:00:00Z'));
    const html = await container.renderToString(ProjectHeader, { props: { data, status } });
    expect(html).toContain('<h1');
    expect(html).toContain('Demo');
    expect(html).toContain('data-warning="draft"');
    expect(html).toContain('written by the project’s maintainers');
    expect(html).toContain('Aging: 1 year 7 months old');
  });
});
