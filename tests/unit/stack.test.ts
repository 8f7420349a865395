// My stack and progress, without a browser: the selection read from the URL,
// the combined order, the project line, progress keyed by item text, the
// progress file round trip, and the three exports with progress and notes.
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { checklistExport, type ChecklistExport } from '../../src/lib/checklist-export.ts';
import { parseIsoDate } from '../../src/lib/dates.ts';
import { itemTextHash } from '../../src/lib/item-hash.ts';
import {
  clearProgress,
  itemProgress,
  mergeProgress,
  parseProgressFile,
  parseStoredProgress,
  progressFile,
  progressText,
  setItemProgress,
  summarizeProgress,
  type ProgressRecord,
} from '../../src/lib/progress.ts';
import {
  combineChecklists,
  groupStack,
  parseStackGrouping,
  parseStackSelection,
  stackCsv,
  stackJson,
  stackMarkdown,
  stackProjectLine,
  stackSearch,
  STACK_COLUMNS,
  type StackExport,
} from '../../src/lib/stack.ts';
import { projectStatus } from '../../src/lib/status.ts';
import { assessmentSchema, type AssessmentInput } from '../../src/schema/assessment.ts';
import { documentInput } from '../support/documents.ts';

const NOW = parseIsoDate('2026-12-01')!;
const SITE = 'https://example.org/';
const LATER = new Date('2026-12-02T10:00:00Z');

function model(
  slug: string,
  name: string,
  items: Array<[id: string, severity: 'critical' | 'high' | 'medium' | 'low']>,
  over: Partial<AssessmentInput> = {},
) {
  const source = `https://github.com/cncf/tag-security/blob/main/community/assessments/projects/${slug}/self-assessment.md`;
  const data = assessmentSchema.parse({
    name,
    summary: `${name} does things.`,
    category: 'Runtime',
    maturity: 'graduated',
    maturityDate: '2026-01-01',
    repos: [`https://github.com/${slug}/${slug}`],
    documents: [documentInput({ source })],
    checklist: items.map(([id, severity]) => ({
      id,
      severity,
      action: `Do ${id} on \`${slug}\`.`,
      why: `Because ${id}.`,
      source: `${source}#${id}`,
      basis: 'stated',
    })),
    ...over,
  } satisfies AssessmentInput);
  return checklistExport({ slug, data, status: projectStatus(data.documents, NOW), drift: [] }, NOW, SITE);
}

const harbor = model('harbor', 'Harbor', [
  ['h-low', 'low'],
  ['h-crit', 'critical'],
  ['h-high', 'high'],
]);
const flux = model(
  'flux',
  'Flux',
  [
    ['f-high', 'high'],
    ['f-crit', 'critical'],
  ],
  {
    audits: [{ vendor: 'Ada Logics', date: '2023-02-01', type: 'security', report: 'https://example.org/report.pdf' }],
  },
);
const exports: ChecklistExport[] = [harbor, flux];
const ref = (m: ChecklistExport, id: string) => m.items.find((row) => row.id === id)!;

describe('the selection in the URL', () => {
  const known = new Set(['harbor', 'keycloak', 'flux']);

  it('reads ?p=harbor,keycloak,flux in order, once each, and sets unknown names apart', () => {
    expect(parseStackSelection('?p=harbor,keycloak,flux', known)).toEqual({ slugs: ['harbor', 'keycloak', 'flux'], unknown: [] });
    expect(parseStackSelection('?p=Flux,%20harbor,flux&p=nope', known)).toEqual({ slugs: ['flux', 'harbor'], unknown: ['nope'] });
    expect(parseStackSelection('', known)).toEqual({ slugs: [], unknown: [] });
  });

  it('writes the selection back with readable commas, and the grouping only when not the default', () => {
    expect(stackSearch(['harbor', 'keycloak', 'flux'])).toBe('?p=harbor,keycloak,flux');
    expect(stackSearch(['harbor'], 'project')).toBe('?p=harbor&group=project');
    expect(stackSearch([])).toBe('');
    expect(parseStackGrouping('?p=harbor&group=project')).toBe('project');
    expect(parseStackGrouping('?p=harbor&group=bogus')).toBe('severity');
  });
});

describe('the combined checklist', () => {
  it('puts the most severe first, then the projects in the order picked, then each author’s order', () => {
    expect(combineChecklists(exports).map((row) => row.id)).toEqual(['h-crit', 'f-crit', 'h-high', 'f-high', 'h-low']);
  });

  it('groups by severity or by project without losing that order', () => {
    const rows = combineChecklists(exports);
    expect(groupStack(rows, exports, 'severity').map((g) => [g.label, g.rows.map((r) => r.id)])).toEqual([
      ['Critical', ['h-crit', 'f-crit']],
      ['High', ['h-high', 'f-high']],
      ['Low', ['h-low']],
    ]);
    expect(groupStack(rows, exports, 'project').map((g) => [g.label, g.rows.map((r) => r.id)])).toEqual([
      ['Harbor', ['h-crit', 'h-high', 'h-low']],
      ['Flux', ['f-crit', 'f-high']],
    ]);
  });

  it('gives one line per project: kind, stage, age, maturity, audits and open findings', () => {
    expect(stackProjectLine(flux.project)).toBe(
      `Self-assessment (complete), ${flux.project.guideAge} old (stale) · Graduated · 1 third-party audit, latest 2023 · 0 open findings · checked against its sources on 1 October 2026`,
    );
    expect(stackProjectLine(harbor.project)).toContain('no third-party audit');
  });
});

describe('progress', () => {
  const crit = ref(harbor, 'h-crit');
  const high = ref(harbor, 'h-high');

  it('keeps a state and a note per project and item, and counts them', () => {
    let record: ProgressRecord = {};
    record = setItemProgress(record, crit, { state: 'done' }, LATER);
    record = setItemProgress(record, high, { state: 'not-applicable', note: 'No registry here' }, LATER);
    expect(itemProgress(record, crit)).toEqual({ state: 'done', note: '', changed: false, updated: LATER.toISOString() });
    const summary = summarizeProgress(record, harbor.items);
    expect(summary).toEqual({ total: 3, done: 1, notApplicable: 1, changed: 0 });
    expect(progressText(summary)).toBe('1 of 3 done, 1 not applicable');
  });

  it('brings an item back unticked, with its note, once its text changed', () => {
    const record = setItemProgress({}, crit, { state: 'done', note: 'Ticket OPS-1' }, LATER);
    const edited = { ...crit, textHash: itemTextHash({ action: `${crit.action} Now stricter.`, why: crit.why }) };
    expect(edited.textHash).not.toBe(crit.textHash);
    expect(itemProgress(record, edited)).toMatchObject({ state: null, note: 'Ticket OPS-1', changed: true });
    expect(progressText(summarizeProgress(record, [edited]))).toBe('0 of 1 done, 1 changed since you marked it');
    // Marking it again takes the new text.
    const again = setItemProgress(record, edited, { state: 'done' }, LATER);
    expect(itemProgress(again, edited)).toMatchObject({ state: 'done', changed: false, note: 'Ticket OPS-1' });
  });

  it('hashes the text an operator reads, not the item id or severity', () => {
    const base = { action: 'Do it.', why: 'Because.' };
    expect(itemTextHash(base)).toMatch(/^[0-9a-f]{16}$/);
    expect(itemTextHash(base)).toBe(itemTextHash({ ...base }));
    expect(itemTextHash({ ...base, how: 'Like so.' })).not.toBe(itemTextHash(base));
    expect(itemTextHash({ ...base, snippet: { lang: 'yaml', code: 'a: 1' } })).not.toBe(itemTextHash(base));
  });

  it('keeps the hash of an unchanged item from one release to the next, so saved progress still matches', () => {
    // The value the first published algorithm gave; progress in readers' browsers is keyed by it.
    expect(itemTextHash({ action: 'Turn on TLS.', why: 'Because — “quoted” ✓.' })).toBe('5bd80cf7458a7907');
  });

  it('drops an entry left with no state and no note, and clears one project without touching another', () => {
    let record = setItemProgress({}, crit, { state: 'done' }, LATER);
    record = setItemProgress(record, ref(flux, 'f-crit'), { state: 'done' }, LATER);
    expect(Object.keys(setItemProgress(record, crit, { state: null }, LATER))).toEqual(['flux/f-crit']);
    expect(Object.keys(clearProgress(record, new Set(['harbor'])))).toEqual(['flux/f-crit']);
  });

  it('round-trips through an exported file, and a newer entry wins on import', () => {
    const mine = setItemProgress({}, crit, { state: 'done' }, new Date('2026-12-03T00:00:00Z'));
    const theirs = setItemProgress(setItemProgress({}, crit, { state: 'not-applicable' }, LATER), high, { state: 'done' }, LATER);
    const file = JSON.stringify(progressFile(theirs, new Set(['harbor']), LATER));
    const parsed = parseProgressFile(file);
    if ('error' in parsed) throw new Error(parsed.error);
    expect(parsed.record).toEqual(theirs);
    const merged = mergeProgress(mine, parsed.record);
    expect(merged.changed).toBe(1);
    expect(merged.record['harbor/h-crit']?.state).toBe('done');
    expect(merged.record['harbor/h-high']?.state).toBe('done');
  });

  it('refuses a file that is not a progress file, saying what is wrong and where', () => {
    const errorOf = (text: string) => {
      const parsed = parseProgressFile(text);
      return 'error' in parsed ? parsed.error : '';
    };
    expect(errorOf('not json')).toContain('not JSON');
    expect(errorOf('{"format":"other"}')).toContain('posture-progress');
    const bad = {
      format: 'posture-progress',
      version: 1,
      exported: '',
      items: [{ project: 'harbor', id: 'x', state: 'finished', note: '', hash: 'a', updated: LATER.toISOString() }],
    };
    expect(errorOf(JSON.stringify(bad))).toMatch(/^items\[0\] \(harbor x\) has state "finished"/);
  });

  it('reads stored progress entry by entry, dropping only what is unreadable', () => {
    const good = { state: 'done', note: '', hash: 'abc', updated: LATER.toISOString() };
    expect(parseStoredProgress(JSON.stringify({ 'harbor/a': good, 'harbor/b': { state: 'maybe' }, junk: good }))).toEqual({
      'harbor/a': good,
    });
    expect(parseStoredProgress('{oops')).toEqual({});
    expect(parseStoredProgress(null)).toEqual({});
  });
});

describe('the exports of /stack/', () => {
  let record = setItemProgress({}, ref(harbor, 'h-crit'), { state: 'done', note: 'Done in "prod", see OPS-1' }, LATER);
  record = setItemProgress(record, ref(flux, 'f-high'), { state: 'not-applicable' }, LATER);
  // Harbor's high item was marked against older text.
  record['harbor/h-high'] = { state: 'done', note: '', hash: 'stale', updated: LATER.toISOString() };
  const input = { exports, record, grouping: 'severity' as const, url: 'https://example.org/stack/?p=harbor,flux', now: LATER };

  it('JSON: every item with its progress, note and basis, the projects and the count', () => {
    const json = JSON.parse(stackJson(input)) as StackExport;
    expect(json.progress).toBe('1 of 5 done, 1 not applicable, 1 changed since you marked it');
    expect(json.projects.map((p) => p.slug)).toEqual(['harbor', 'flux']);
    expect(json.items.map((i) => [i.id, i.progress, i.progressChanged])).toEqual([
      ['h-crit', 'done', false],
      ['f-crit', 'open', false],
      ['h-high', 'open', true],
      ['f-high', 'not-applicable', false],
      ['h-low', 'open', false],
    ]);
    expect(json.items[0]).toMatchObject({ basis: 'stated', progressNote: 'Done in "prod", see OPS-1', checked: '2026-10-01' });
  });

  it('CSV: reads back with a CSV parser into the same rows', () => {
    const rows = parseCsv<Record<string, string>>(stackCsv(input), { columns: true, record_delimiter: '\r\n' });
    expect(Object.keys(rows[0]!)).toEqual([...STACK_COLUMNS]);
    expect(rows.map((r) => [r.project, r.id, r.progress, r.progressNote])).toEqual([
      ['harbor', 'h-crit', 'done', 'Done in "prod", see OPS-1'],
      ['flux', 'f-crit', 'open', ''],
      ['harbor', 'h-high', 'open', ''],
      ['flux', 'f-high', 'not-applicable', ''],
      ['harbor', 'h-low', 'open', ''],
    ]);
  });

  it('Markdown: ticked tasks, notes, changed items flagged, grouped as on the page', () => {
    const md = stackMarkdown(input);
    expect(md).toMatch(/^# Secure-usage checklist: Harbor, Flux\n/);
    expect(md).toContain('- [Flux](<https://example.org/projects/flux/>): Self-assessment (complete)');
    expect(md).toContain('- [x] **Do h-crit on `harbor`.** (Harbor)\n  - Note: Done in "prod", see OPS-1');
    expect(md).toContain('- [ ] **Do h-high on `harbor`.** (Harbor)\n  - This item changed after it was marked; check it again.');
    expect(md).toContain('- [x] ~~**Do f-high on `flux`.**~~ (not applicable) (Flux)');
    expect([...md.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(['Critical', 'High', 'Low']);
    expect([...stackMarkdown({ ...input, grouping: 'project' }).matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(['Harbor', 'Flux']);
  });
});
