// The checklist exports: one model, three serialisers that agree with it
// (CSV read back with a real CSV parser), Markdown that keeps code spans,
// and the full entry that validates against the published JSON Schema.
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  CHECKLIST_CONTENT_TYPES,
  checklistCsv,
  checklistExport,
  checklistJson,
  checklistMarkdown,
  EXPORT_COLUMNS,
  type ChecklistExportRow,
  type ExportableProject,
} from '../../src/lib/checklist-export.ts';
import { csvField, toCsv } from '../../src/lib/csv.ts';
import { exportEntry } from '../../src/lib/export.ts';
import { projectExportFiles } from '../../src/lib/project-exports.ts';
import { escapeMarkdown, markdownFence, markdownInline } from '../../src/lib/markdown-text.ts';
import { projectStatus } from '../../src/lib/status.ts';
import { parseIsoDate } from '../../src/lib/dates.ts';
import { checklistExportPath, entryJsonPath, severityPagePath } from '../../src/lib/routes.ts';
import { severityGroups } from '../../src/lib/severity-index.ts';
import type { Drift } from '../../src/lib/sources/drift.ts';
import { assessmentSchema, type AssessmentInput } from '../../src/schema/assessment.ts';
import { assessmentJsonSchema } from '../../src/schema/json-schema.ts';
import { jsonSchemaValidator } from '../support/json-schema.ts';
import { documentInput } from '../support/documents.ts';

const NOW = parseIsoDate('2026-12-01')!;
const SITE = 'https://example.org/posture/';
const DOC = 'https://github.com/cncf/tag-security/blob/main/community/assessments/projects/demo/self-assessment.md';
const JOINT = 'https://github.com/cncf/tag-security/blob/main/community/assessments/projects/demo/joint-assessment.md';

const input: AssessmentInput = {
  name: 'Demo, "the" project',
  summary: 'Runs `demo` things.\nOn two lines.',
  category: 'Runtime',
  maturity: 'incubating',
  maturityDate: '2026-01-01',
  repos: ['https://github.com/demo/demo'],
  documents: [
    documentInput({ source: DOC, checked: { blob: 'a'.repeat(40), date: '2026-10-01' } }),
    {
      kind: 'joint-assessment',
      stage: 'complete',
      date: '2024-03-05',
      datePrecision: 'day',
      dateSource: 'stated',
      revised: '2025-02-10',
      authors: [],
      reviewers: [],
      volunteerDrafted: false,
      source: JOINT,
      checked: { blob: 'b'.repeat(40), date: '2026-11-15' },
    },
  ],
  checklist: [
    { id: 'low-one', action: 'Rotate logs.', severity: 'low', why: 'Disks fill up.', source: `${DOC}#logging`, basis: 'derived' },
    {
      id: 'crit-one',
      action: 'Set `--auth=true`, always.',
      severity: 'critical',
      why: 'Without it, "anyone"\non the network, can call the API.',
      how: 'Pass `--auth=true` to `demod`; see https://demo.example/docs/auth.',
      snippet: { lang: 'yaml', code: 'auth: true\nmode: "strict, really"\n' },
      source: `${JOINT}#recommendations`,
      basis: 'stated',
    },
    {
      id: 'high-one',
      action: 'Restrict *admin* [roles].',
      severity: 'high',
      why: 'Roles <escalate>.',
      source: `${DOC}#rbac`,
      basis: 'stated',
    },
    { id: 'crit-two', action: 'Encrypt etcd.', severity: 'critical', why: 'Secrets at rest.', source: `${DOC}#storage`, basis: 'derived' },
  ],
  related: ['other-project'],
};
const data = assessmentSchema.parse(input);
const drift: Drift[] = [
  {
    index: 0,
    documentSource: DOC,
    checkedDate: '2026-10-01',
    checkedBlob: 'a'.repeat(40),
    lockBlob: 'c'.repeat(40),
    changed: '2026-11-20',
    historyUrl: 'https://github.com/cncf/tag-security/commits/main/community/assessments/projects/demo/self-assessment.md',
  },
];
const project: ExportableProject = { slug: 'demo', data, status: projectStatus(data.documents, NOW), drift };
const model = checklistExport(project, NOW, SITE);

describe('csv', () => {
  it('quotes only fields with a comma, quote, CR or LF, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(null)).toBe('');
    expect(csvField(3)).toBe('3');
  });

  it('ends every record, the last too, with CRLF and reads back to the same rows', () => {
    const rows = [
      { a: 'x,y', b: 'He said "no"' },
      { a: 'line one\nline two', b: '' },
      { a: ' padded ', b: 'crlf\r\ninside' },
    ];
    const csv = toCsv(['a', 'b'], rows);
    expect(csv.startsWith('a,b\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv, { columns: true })).toEqual(rows);
  });
});

describe('markdown text', () => {
  it('keeps code spans, turns bare https URLs into autolinks and escapes the rest', () => {
    expect(markdownInline('Set `a*b_c` and *x* [y] <z>.')).toBe('Set `a*b_c` and \\*x\\* \\[y\\] \\<z\\>.');
    expect(markdownInline('See https://a.example/x_y#z.')).toBe('See <https://a.example/x_y#z>.');
    expect(markdownInline('keep ambassador_id, escape _this_ and &amp;')).toBe('keep ambassador_id, escape \\_this\\_ and \\&amp;');
    expect(markdownInline('one\n\n# two')).toBe('one # two');
    expect(escapeMarkdown('a\\b')).toBe('a\\\\b');
  });

  it('fences code with a fence longer than any backtick run in it', () => {
    expect(markdownFence('a ``` b\n', 'text')).toBe('````text\na ``` b\n````');
    expect(markdownFence('x\n\ny', 'yaml', '  ')).toBe('  ```yaml\n  x\n\n  y\n  ```');
  });
});

describe('checklist export model', () => {
  it('orders items most severe first, keeping the author order within a severity', () => {
    expect(model.items.map((i) => i.id)).toEqual(['crit-one', 'crit-two', 'high-one', 'low-one']);
  });

  it('gives each row its permalink, section, basis and the guide’s age, freshness and check date', () => {
    const [first] = model.items as [ChecklistExportRow];
    expect(first).toMatchObject({
      project: 'demo',
      projectName: 'Demo, "the" project',
      permalink: 'https://example.org/posture/projects/demo/#crit-one',
      section: 'Recommendations',
      basis: 'stated',
      how: 'Pass `--auth=true` to `demod`; see https://demo.example/docs/auth.',
      snippetLang: 'yaml',
      guideDate: '2025-02-10',
      guideDatePrecision: 'day',
      guideAge: '1 year 9 months',
      freshness: 'aging',
      checked: '2026-11-15',
      sourceChangedUpstream: null,
    });
    expect(Object.keys(first)).toEqual([...EXPORT_COLUMNS]);
    expect(model.project).toMatchObject({
      url: 'https://example.org/posture/projects/demo/',
      trust: 'joint-reviewed',
      checked: '2026-11-15',
    });
    expect(model.generated).toBe('2026-12-01');
  });

  it('marks the items whose source document changed upstream after the check', () => {
    expect(model.items.filter((i) => i.sourceChangedUpstream).map((i) => i.id)).toEqual(['crit-two', 'high-one', 'low-one']);
    expect(model.project.changedUpstream).toEqual([
      { document: DOC, checked: '2026-10-01', changed: '2026-11-20', history: drift[0]!.historyUrl },
    ]);
  });

  it('refuses an audit-only project, which has no checklist', () => {
    const auditOnly = { ...data, documents: [], checklist: [] };
    expect(() => checklistExport({ ...project, data: auditOnly, status: projectStatus([], NOW), drift: [] }, NOW, SITE)).toThrow(
      /audit-only/,
    );
  });
});

describe('checklist serialisers agree with the model', () => {
  it('JSON is the model', () => {
    expect(JSON.parse(checklistJson(model))).toEqual(model);
  });

  it('CSV parses back, with a real CSV parser, to one record per item with the same fields', () => {
    const csv = checklistCsv(model);
    const records = parseCsv<Record<string, string>>(csv, { columns: true });
    expect(records).toEqual(model.items.map((row) => Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, row[c] ?? '']))));
    // Commas, quotes and newlines survive: the snippet and the why have all three.
    expect(records[0]!.why).toBe('Without it, "anyone"\non the network, can call the API.');
    expect(records[0]!.snippet).toBe('auth: true\nmode: "strict, really"');
    expect(csv.split('\r\n')[0]).toBe(EXPORT_COLUMNS.join(','));
  });

  it('Markdown is a task list under a heading per severity, most severe first, code spans kept', () => {
    const md = checklistMarkdown(model);
    expect(md.startsWith('# Demo, "the" project: secure-usage checklist\n\nRuns `demo` things. On two lines.\n')).toBe(true);
    expect(md).toContain('- Newest assessment document: 10 February 2025 (aging, 1 year 9 months old on 1 December 2026)');
    expect(md).toContain('- Checked against the upstream documents: 15 November 2026');
    expect([...md.matchAll(/^## (\w+)$/gm)].map((m) => m[1])).toEqual(['Critical', 'High', 'Low']);
    const tasks = [...md.matchAll(/^- \[ \] \*\*(.+)\*\*$/gm)].map((m) => m[1]);
    expect(tasks).toEqual(['Set `--auth=true`, always.', 'Encrypt etcd.', 'Restrict \\*admin\\* \\[roles\\].', 'Rotate logs.']);
    expect(md).toContain('  - How: Pass `--auth=true` to `demod`; see <https://demo.example/docs/auth>.');
    expect(md).toContain('    ```yaml\n    auth: true\n    mode: "strict, really"\n    ```');
    expect(md).toContain(`  - Stated in [joint-assessment.md in cncf/tag-security, section “Recommendations”](<${JOINT}#recommendations>)`);
    expect(md).toContain('  - Our advice, based on [self-assessment.md in cncf/tag-security, section “Storage”]');
    expect(md).toContain('  - Permalink: <https://example.org/posture/projects/demo/#crit-one>');
    expect(md).toContain('> **Warning:**');
    expect(md).toContain('  - Its source changed upstream on 20 November 2026.');
    expect(md).toContain('  - Why: Roles \\<escalate\\>.');
    for (const item of model.items) expect(md).toContain(`#${item.id}>`);
  });
});

describe('full entry as JSON', () => {
  const entry = exportEntry(data);

  it('writes dates as YYYY-MM-DD and keeps related projects as slugs', () => {
    expect(entry.maturityDate).toBe('2026-01-01');
    expect(entry.documents[1]).toMatchObject({ date: '2024-03-05', revised: '2025-02-10', checked: { date: '2026-11-15' } });
    expect(entry.related).toEqual(['other-project']);
    expect(JSON.stringify(entry)).not.toContain('T00:00:00');
  });

  it('validates against the published JSON Schema (Ajv, draft 2020-12) and parses back to the same data', () => {
    const validate = jsonSchemaValidator(assessmentJsonSchema());
    expect(validate(JSON.parse(JSON.stringify(entry)))).toEqual([]);
    expect(validate({ ...entry, unknown: 1 })).not.toEqual([]);
    expect(validate({ ...entry, maturityDate: 'June 2024' })).not.toEqual([]);
    expect(assessmentSchema.parse(entry)).toEqual(data);
  });
});

describe('routes and the severity index', () => {
  it('names the export files and the type each is served as', () => {
    expect(checklistExportPath('flux', 'csv')).toBe('/projects/flux/checklist.csv');
    expect(CHECKLIST_CONTENT_TYPES).toEqual({
      md: 'text/markdown; charset=utf-8',
      csv: 'text/csv; charset=utf-8; header=present',
      json: 'application/json; charset=utf-8',
    });
    expect(entryJsonPath('flux')).toBe('/projects/flux.json');
    expect(severityPagePath('critical')).toBe('/checklists/critical/');
  });

  it('groups one severity by project, A to Z, and leaves out projects without any', () => {
    const other = { slug: 'alpha', data: { name: 'alpha', checklist: [{ ...data.checklist[3]!, id: 'x' }] }, status: project.status };
    const none = { slug: 'zeta', data: { name: 'Zeta', checklist: [] }, status: project.status };
    const groups = severityGroups([project, other, none], 'critical');
    expect(groups.map((g) => [g.slug, g.items.map((i) => i.id)])).toEqual([
      ['alpha', ['x']],
      ['demo', ['crit-one', 'crit-two']],
    ]);
    expect(groups[0]!.age.freshness).toBe('aging');
  });
});

describe('the export files of a project', () => {
  it('are its entry and its checklist in three formats, each the serialiser’s output, at the paths the guide links', () => {
    const files = projectExportFiles(project, NOW, SITE);
    expect(files.map((f) => f.path)).toEqual([
      entryJsonPath('demo').slice(1),
      ...(['md', 'csv', 'json'] as const).map((format) => checklistExportPath('demo', format).slice(1)),
    ]);
    expect(files[0]!.body).toBe(`${JSON.stringify(exportEntry(project.data), null, 2)}\n`);
    expect(files[1]!.body).toBe(checklistMarkdown(model));
    expect(files[2]!.body).toBe(checklistCsv(model));
    expect(files[3]!.body).toBe(checklistJson(model));
  });

  it('of an audit-only project are its entry alone', () => {
    const auditOnly = { ...project, data: { ...data, documents: [], checklist: [] }, status: projectStatus([], NOW), drift: [] };
    expect(projectExportFiles(auditOnly, NOW, SITE).map((f) => f.path)).toEqual(['projects/demo.json']);
  });
});
