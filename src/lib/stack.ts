// "My stack": the checklists of the projects an operator runs, combined into
// one list, most severe first, with their progress. Pure: takes the guides'
// checklist exports (/projects/<slug>/checklist.json) and the progress record,
// returns what /stack/ shows and the three files it offers.
import { SEVERITIES, type Severity } from '../schema/enums.ts';
import {
  checklistItemMarkdown,
  EXPORT_COLUMNS,
  type ChecklistExport,
  type ChecklistExportRow,
  type ItemMarkdownProgress,
} from './checklist-export.ts';
import { toCsv } from './csv.ts';
import { formatDate } from './dates.ts';
import { FRESHNESS_LABELS } from './freshness.ts';
import { KIND_LABELS, MATURITY_LABELS, SEVERITY_LABELS, STAGE_LABELS } from './labels.ts';
import { markdownLinkText, markdownUrl } from './markdown-text.ts';
import { severityRank } from './order.ts';
import { itemProgress, progressText, summarizeProgress, type ItemProgress, type ProgressRecord } from './progress.ts';

/** ?p=harbor,keycloak,flux → the known slugs, in the order given, each once. Unknown names are returned apart so the page can say so. */
export function parseStackSelection(search: string, known: ReadonlySet<string>): { slugs: string[]; unknown: string[] } {
  const params = new URLSearchParams(search);
  const names = params
    .getAll('p')
    .flatMap((value) => value.split(','))
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const slugs: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const list = known.has(name) ? slugs : unknown;
    if (!list.includes(name)) list.push(name);
  }
  return { slugs, unknown };
}

/** The query string that shares a selection: "?p=harbor,keycloak,flux" (commas kept readable), or "" for none. */
export function stackSearch(slugs: readonly string[], grouping: StackGrouping = 'severity'): string {
  if (slugs.length === 0) return '';
  return `?p=${slugs.join(',')}${grouping === 'project' ? '&group=project' : ''}`;
}

export type StackGrouping = 'severity' | 'project';

export function parseStackGrouping(search: string): StackGrouping {
  return new URLSearchParams(search).get('group') === 'project' ? 'project' : 'severity';
}

/** Every item of the selected checklists: most severe first, then in the order the projects were picked, then the author's order. */
export function combineChecklists(exports: readonly ChecklistExport[]): ChecklistExportRow[] {
  return exports
    .flatMap((model, projectIndex) => model.items.map((row, itemIndex) => ({ row, projectIndex, itemIndex })))
    .sort(
      (a, b) => severityRank(a.row.severity) - severityRank(b.row.severity) || a.projectIndex - b.projectIndex || a.itemIndex - b.itemIndex,
    )
    .map(({ row }) => row);
}

export interface StackGroup {
  key: string;
  label: string;
  rows: ChecklistExportRow[];
}

/** By severity (Critical, High, …) or by project (in the order picked), each group keeping the combined order. */
export function groupStack(
  rows: readonly ChecklistExportRow[],
  exports: readonly ChecklistExport[],
  grouping: StackGrouping,
): StackGroup[] {
  const groups: StackGroup[] =
    grouping === 'severity'
      ? SEVERITIES.map((severity: Severity) => ({ key: severity, label: SEVERITY_LABELS[severity], rows: [] }))
      : exports.map((model) => ({ key: model.project.slug, label: model.project.name, rows: [] }));
  const byKey = new Map(groups.map((group) => [group.key, group]));
  for (const row of rows) byKey.get(grouping === 'severity' ? row.severity : row.project)?.rows.push(row);
  return groups.filter((group) => group.rows.length > 0);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * One line a security lead scans: "Self-assessment (complete), 6 years 7 months old (stale) · Graduated ·
 * 2 third-party audits, latest 2023 · 1 open finding · checked against its sources on 30 November 2026".
 */
export function stackProjectLine(project: ChecklistExport['project']): string {
  const audits =
    project.audits.count === 0
      ? 'no third-party audit'
      : `${plural(project.audits.count, 'third-party audit')}${project.audits.latestYear ? `, latest ${project.audits.latestYear}` : ''}`;
  return [
    `${KIND_LABELS[project.kind]} (${STAGE_LABELS[project.stage].toLowerCase()}), ${project.guideAge} old (${FRESHNESS_LABELS[project.freshness].toLowerCase()})`,
    MATURITY_LABELS[project.maturity],
    audits,
    plural(project.openFindings, 'open finding'),
    `checked against its sources on ${formatDate(new Date(`${project.checked}T00:00:00Z`))}`,
  ].join(' · ');
}

/** Each item's progress, looked up once for the three files. */
function withProgress(
  rows: readonly ChecklistExportRow[],
  record: ProgressRecord,
): Array<{ row: ChecklistExportRow; progress: ItemProgress }> {
  return rows.map((row) => ({ row, progress: itemProgress(record, row) }));
}

export interface StackExportInput {
  exports: readonly ChecklistExport[];
  record: ProgressRecord;
  grouping: StackGrouping;
  /** The address of this selection on /stack/, to come back to it. */
  url: string;
  now: Date;
}

export function stackMarkdown({ exports, record, grouping, url, now }: StackExportInput): string {
  const rows = combineChecklists(exports);
  const names = exports.map((model) => model.project.name);
  const lines = [
    `# Secure-usage checklist: ${markdownLinkText(names.join(', '))}`,
    '',
    `Exported on ${now.toISOString().slice(0, 10)} from <${markdownUrl(url)}>; ${progressText(summarizeProgress(record, rows))}.`,
    '',
  ];
  for (const model of exports)
    lines.push(`- [${markdownLinkText(model.project.name)}](<${markdownUrl(model.project.url)}>): ${stackProjectLine(model.project)}`);
  const progress = new Map(withProgress(rows, record).map(({ row, progress }) => [row, progress]));
  for (const group of groupStack(rows, exports, grouping)) {
    lines.push('', `## ${markdownLinkText(group.label)}`, '');
    for (const row of group.rows) {
      const marked: ItemMarkdownProgress = progress.get(row)!;
      lines.push(...checklistItemMarkdown(row, marked, grouping === 'severity' ? row.projectName : undefined));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The CSV columns of /stack/'s export: a guide's columns, then what the operator recorded. */
export const STACK_COLUMNS = [...EXPORT_COLUMNS, 'progress', 'progressNote', 'progressUpdated', 'progressChanged'] as const;

export interface StackExportRow extends ChecklistExportRow {
  /** "done", "not-applicable" or "open". */
  progress: 'done' | 'not-applicable' | 'open';
  progressNote: string;
  progressUpdated: string | null;
  /** The item's text changed after it was marked, so it counts as open again. */
  progressChanged: boolean;
}

function stackRows(exports: readonly ChecklistExport[], record: ProgressRecord): StackExportRow[] {
  return withProgress(combineChecklists(exports), record).map(({ row, progress }) => ({
    ...row,
    progress: progress.state ?? 'open',
    progressNote: progress.note,
    progressUpdated: progress.updated,
    progressChanged: progress.changed,
  }));
}

export function stackCsv({ exports, record }: StackExportInput): string {
  return toCsv(STACK_COLUMNS, stackRows(exports, record));
}

export interface StackExport {
  exported: string;
  url: string;
  progress: string;
  projects: Array<ChecklistExport['project']>;
  items: StackExportRow[];
}

export function stackJson({ exports, record, url, now }: StackExportInput): string {
  const items = stackRows(exports, record);
  const body: StackExport = {
    exported: now.toISOString(),
    url,
    progress: progressText(summarizeProgress(record, items)),
    projects: exports.map((model) => model.project),
    items,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
