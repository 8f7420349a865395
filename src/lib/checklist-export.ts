// A guide's checklist as files an operator can keep: one model built from the
// project (its data, status and drift), and three serialisers (Markdown, CSV,
// JSON) that only format that model, so the three files cannot disagree.
import type { Assessment } from '../schema/assessment.ts';
import type { Basis, DatePrecision, DocumentKind, Freshness, Maturity, Severity, SnippetLang, Stage, TrustLevel } from '../schema/enums.ts';
import { latestAuditYear, openFindingCount } from './catalog.ts';
import { itemTextHash } from './item-hash.ts';
import { toCsv } from './csv.ts';
import { formatDate, toIsoDate } from './dates.ts';
import { FRESHNESS_LABELS } from './freshness.ts';
import { anchorLabel, BASIS_LEADS, sourceText } from './inline.ts';
import { SEVERITY_LABELS } from './labels.ts';
import { markdownFence, markdownInline, markdownLinkText, markdownUrl } from './markdown-text.ts';
import { countBySeverity, sortChecklist } from './order.ts';
import { projectPath, type ChecklistFormat } from './routes.ts';
import type { Drift } from './sources/drift.ts';
import type { ProjectStatus } from './status.ts';
import { TRUST_LABELS } from './trust.ts';
import { SEVERITIES } from '../schema/enums.ts';

/** What the export needs of a project: the shape src/site/projects.ts loads. */
export interface ExportableProject {
  slug: string;
  data: Pick<Assessment, 'name' | 'summary' | 'maturity' | 'documents' | 'checklist' | 'audits' | 'findings'>;
  status: ProjectStatus;
  drift: readonly Drift[];
}

/** One checklist item, flat: every field a spreadsheet row needs, guide-level facts repeated on each row. */
export interface ChecklistExportRow {
  project: string;
  projectName: string;
  id: string;
  severity: Severity;
  action: string;
  why: string;
  how: string | null;
  snippetLang: SnippetLang | null;
  snippet: string | null;
  basis: Basis;
  source: string;
  /** The heading of the source the item links, in words ("" for a PDF without an anchor). */
  section: string;
  /** <site><base>projects/<slug>/#<id> */
  permalink: string;
  /** YYYY-MM-DD: the newest document's date (its revision date when revised). */
  guideDate: string;
  /** How precisely guideDate is known: a date known to the month is written as its first day. */
  guideDatePrecision: DatePrecision;
  /** "2 years 3 months", counted to the build date. */
  guideAge: string;
  freshness: Freshness;
  /** YYYY-MM-DD: the latest day the guide was checked against its upstream documents. */
  checked: string;
  /** YYYY-MM-DD: when the item's source document last changed upstream, if after the guide was checked; else null. */
  sourceChangedUpstream: string | null;
  /** A fingerprint of the item's text (src/lib/item-hash.ts): progress kept against another text no longer applies. */
  textHash: string;
}

/** The CSV columns, in order; also the keys of every JSON item. */
export const EXPORT_COLUMNS = [
  'project',
  'projectName',
  'id',
  'severity',
  'action',
  'why',
  'how',
  'snippetLang',
  'snippet',
  'basis',
  'source',
  'section',
  'permalink',
  'guideDate',
  'guideDatePrecision',
  'guideAge',
  'freshness',
  'checked',
  'sourceChangedUpstream',
  'textHash',
] as const satisfies ReadonlyArray<keyof ChecklistExportRow>;

export interface ChecklistExport {
  /** YYYY-MM-DD: the build date the ages are counted to. */
  generated: string;
  project: {
    slug: string;
    name: string;
    summary: string;
    url: string;
    trust: TrustLevel;
    maturity: Maturity;
    /** The newest document's kind and stage: what the guide mostly rests on. */
    kind: DocumentKind;
    stage: Stage;
    /** Third-party audits: how many, and the year of the latest dated one (null when none is dated). */
    audits: { count: number; latestYear: number | null };
    openFindings: number;
    guideDate: string;
    guideDatePrecision: DatePrecision;
    guideAge: string;
    freshness: Freshness;
    checked: string;
    /** Documents that changed upstream after the guide was checked, most recent change first. */
    changedUpstream: Array<{ document: string; checked: string; changed: string; history: string }>;
  };
  /** Most severe first; the author's order within a severity. */
  items: ChecklistExportRow[];
}

/** Drops the #fragment: the document a section link points into. */
const documentOf = (url: string) => url.split('#')[0] ?? url;

/**
 * The export of one guide. `siteBase` is the absolute URL of the site's root
 * with its base path and a trailing slash ("https://example.org/posture/").
 * Throws for a project without documents: audit-only pages have no checklist.
 */
export function checklistExport(project: ExportableProject, now: Date, siteBase: string): ChecklistExport {
  const { slug, data, status, drift } = project;
  const { age, newest } = status;
  if (!age || !newest) throw new Error(`${slug}: an audit-only project has no checklist to export`);
  const url = new URL(projectPath(slug).slice(1), siteBase).href;
  const checked = toIsoDate(new Date(Math.max(...data.documents.map((doc) => doc.checked.date.getTime()))));
  const changedBy = new Map<string, string>();
  for (const d of drift) {
    for (const source of [d.documentSource, data.documents[d.index]?.mirror]) {
      if (source) changedBy.set(documentOf(source), d.changed);
    }
  }
  const guide = {
    guideDate: toIsoDate(age.date),
    guideDatePrecision: age.precision,
    guideAge: age.text,
    freshness: age.freshness,
    checked,
  };
  const items = sortChecklist(data.checklist).map((item): ChecklistExportRow => ({
    project: slug,
    projectName: data.name,
    id: item.id,
    severity: item.severity,
    action: item.action,
    why: item.why,
    how: item.how ?? null,
    snippetLang: item.snippet?.lang ?? null,
    snippet: item.snippet?.code ?? null,
    basis: item.basis,
    source: item.source,
    section: anchorLabel(item.source),
    permalink: `${url}#${item.id}`,
    ...guide,
    sourceChangedUpstream: changedBy.get(documentOf(item.source)) ?? null,
    textHash: itemTextHash(item),
  }));
  return {
    generated: toIsoDate(now),
    project: {
      slug,
      name: data.name,
      summary: data.summary,
      url,
      trust: status.trust,
      maturity: data.maturity,
      kind: newest.kind,
      stage: newest.stage,
      audits: { count: data.audits.length, latestYear: latestAuditYear(data.audits) ?? null },
      openFindings: openFindingCount(data.findings),
      ...guide,
      changedUpstream: [...drift]
        .sort((a, b) => b.changed.localeCompare(a.changed) || a.documentSource.localeCompare(b.documentSource))
        .map((d) => ({ document: d.documentSource, checked: d.checkedDate, changed: d.changed, history: d.historyUrl })),
    },
    items,
  };
}

/** The Content-Type each export file is served with. */
export const CHECKLIST_CONTENT_TYPES = {
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
} as const satisfies Record<ChecklistFormat, string>;

export function checklistJson(model: ChecklistExport): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}

export function checklistCsv(model: ChecklistExport): string {
  return toCsv(EXPORT_COLUMNS, model.items);
}

const day = (iso: string, precision: DatePrecision = 'day') => formatDate(new Date(`${iso}T00:00:00Z`), precision);

/**
 * A Markdown checklist to paste into an issue or a runbook: a task per item
 * under a heading per severity, each with why, how, any snippet, its basis
 * and source, and the permalink back to the guide.
 */
export function checklistMarkdown(model: ChecklistExport): string {
  const { project, items } = model;
  const counts = countBySeverity(items);
  const summary = SEVERITIES.filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${SEVERITY_LABELS[s].toLowerCase()}`)
    .join(', ');
  const lines = [
    `# ${markdownLinkText(project.name)}: secure-usage checklist`,
    '',
    markdownInline(project.summary),
    '',
    `- Guide: <${markdownUrl(project.url)}>`,
    `- Evidence: ${TRUST_LABELS[project.trust]}`,
    `- Newest assessment document: ${day(project.guideDate, project.guideDatePrecision)} (${FRESHNESS_LABELS[project.freshness].toLowerCase()}, ${project.guideAge} old on ${day(model.generated)})`,
    `- Checked against the upstream documents: ${day(project.checked)}`,
    `- ${items.length === 0 ? 'No actions' : `${items.length} action${items.length === 1 ? '' : 's'}, most severe first (${summary})`}`,
  ];
  for (const change of project.changedUpstream) {
    lines.push(
      '',
      `> **Warning:** <${markdownUrl(change.document)}> changed upstream on ${day(change.changed)}, after this guide was checked against it on ${day(change.checked)}. Parts of this checklist may be out of date: <${markdownUrl(change.history)}>`,
    );
  }
  for (const severity of SEVERITIES) {
    const group = items.filter((item) => item.severity === severity);
    if (group.length === 0) continue;
    lines.push('', `## ${SEVERITY_LABELS[severity]}`, '');
    for (const item of group) lines.push(...checklistItemMarkdown(item));
  }
  return `${lines.join('\n')}\n`;
}

/** What an operator recorded against an item, for the exports of /stack/. */
export interface ItemMarkdownProgress {
  state: 'done' | 'not-applicable' | null;
  note: string;
  /** The item's text changed after it was marked: say so, and leave it unticked. */
  changed: boolean;
}

/** One item as a Markdown task with its why, how, snippet, basis, source and permalink; and any progress and note. */
export function checklistItemMarkdown(item: ChecklistExportRow, progress?: ItemMarkdownProgress, projectLabel?: string): string[] {
  const box = progress?.state ? '[x]' : '[ ]';
  const action = `**${markdownInline(item.action)}**`;
  const lines = [
    `- ${box} ${progress?.state === 'not-applicable' ? `~~${action}~~ (not applicable)` : action}${projectLabel ? ` (${markdownLinkText(projectLabel)})` : ''}`,
  ];
  if (progress?.changed) lines.push('  - This item changed after it was marked; check it again.');
  if (progress?.note) lines.push(`  - Note: ${markdownInline(progress.note)}`);
  lines.push(`  - Why: ${markdownInline(item.why)}`);
  if (item.how) lines.push(`  - How: ${markdownInline(item.how)}`);
  if (item.snippet !== null) lines.push('  - Example:', '', markdownFence(item.snippet, item.snippetLang ?? '', '    '), '');
  const label = markdownLinkText(sourceText(item.source));
  lines.push(
    `  - ${BASIS_LEADS[item.basis]} [${label}](<${markdownUrl(item.source)}>)${item.basis === 'derived' ? '; the assessment does not say this in so many words' : ''}`,
  );
  if (item.sourceChangedUpstream) lines.push(`  - Its source changed upstream on ${day(item.sourceChangedUpstream)}.`);
  lines.push(`  - Permalink: <${markdownUrl(item.permalink)}>`);
  return lines;
}
