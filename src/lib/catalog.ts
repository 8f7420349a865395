// View models for the pages that list projects and audits. Pure: takes
// parsed assessments, returns plain data sorted and grouped for display.
import type { Assessment, AssessmentDocument, Audit, Finding } from '../schema/assessment.ts';
import { MATURITIES, type Maturity, type TrustLevel } from '../schema/enums.ts';
import type { Age, ProjectStatus } from './status.ts';

export interface ProjectEntry {
  slug: string;
  data: Assessment;
}

export interface ProjectWithStatus extends ProjectEntry {
  status: ProjectStatus<AssessmentDocument>;
}

export interface ProjectSummary {
  slug: string;
  name: string;
  summary: string;
  category: string;
  maturity: Maturity;
  kinds: string[];
  /** Absent for audit-only projects. */
  age?: Age | undefined;
  trust: TrustLevel;
  checklistCount: number;
  auditCount: number;
  /** Year of the most recent dated third-party audit. */
  latestAuditYear?: number | undefined;
  openFindings: number;
  criticalItems: number;
  highItems: number;
  /** Whether the newest document was drafted by volunteers; absent without documents. */
  volunteerDrafted?: boolean | undefined;
}

export function summarize({ slug, data, status }: ProjectWithStatus): ProjectSummary {
  return {
    slug,
    name: data.name,
    summary: data.summary,
    category: data.category,
    maturity: data.maturity,
    kinds: [...new Set(data.documents.map((doc) => doc.kind))],
    age: status.age,
    trust: status.trust,
    checklistCount: data.checklist.length,
    auditCount: data.audits.length,
    latestAuditYear: latestAuditYear(data.audits),
    openFindings: openFindingCount(data.findings),
    criticalItems: data.checklist.filter((item) => item.severity === 'critical').length,
    highItems: data.checklist.filter((item) => item.severity === 'high').length,
    volunteerDrafted: status.newest?.volunteerDrafted,
  };
}

export function openFindingCount(findings: readonly Pick<Finding, 'status'>[]): number {
  return findings.filter((finding) => finding.status === 'open').length;
}

/** Year of the most recent dated audit; undefined when none is dated. */
export function latestAuditYear(audits: readonly Audit[]): number | undefined {
  const years = audits.flatMap((audit) => (audit.date ? [audit.date.getUTCFullYear()] : []));
  return years.length > 0 ? Math.max(...years) : undefined;
}

// One collator for every comparison: localeCompare with a locale and options builds one per call,
// which made sorting thousands of projects a visible part of each catalog page's render.
const NAME_ORDER = new Intl.Collator('en', { sensitivity: 'base' });
const byName = (a: { name: string }, b: { name: string }) => NAME_ORDER.compare(a.name, b.name);

export function sortByName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort(byName);
}

/** Newest assessment first; audit-only projects (no date) last, by name. */
export function sortByDate(items: readonly ProjectSummary[]): ProjectSummary[] {
  return [...items].sort((a, b) => {
    if (a.age && b.age) return b.age.date.getTime() - a.age.date.getTime() || byName(a, b);
    if (a.age) return -1;
    if (b.age) return 1;
    return byName(a, b);
  });
}

export interface Group<T> {
  key: string;
  items: T[];
}

export function groupByMaturity(items: readonly ProjectSummary[]): Group<ProjectSummary>[] {
  const order = [...MATURITIES].reverse() as string[];
  return groupBy(items, (item) => item.maturity).sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
}

export function groupByCategory(items: readonly ProjectSummary[]): Group<ProjectSummary>[] {
  return groupBy(items, (item) => item.category).sort((a, b) => a.key.localeCompare(b.key));
}

function groupBy<T extends { name: string }>(items: readonly T[], keyOf: (item: T) => string): Group<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups].map(([key, members]) => ({ key, items: sortByName(members) }));
}

export interface AuditRow extends Audit {
  slug: string;
  project: string;
  assessed: boolean;
}

export function auditRows(entries: readonly ProjectEntry[]): AuditRow[] {
  return entries.flatMap((entry) =>
    entry.data.audits.map((audit) => ({ ...audit, slug: entry.slug, project: entry.data.name, assessed: entry.data.documents.length > 0 })),
  );
}

/** Newest first; audits no source dates go last. */
function compareAuditDates(a: Audit, b: Audit): number {
  if (a.date && b.date) return b.date.getTime() - a.date.getTime();
  if (a.date) return -1;
  if (b.date) return 1;
  return 0;
}

export function sortAuditsByDate(rows: readonly AuditRow[]): AuditRow[] {
  return [...rows].sort(
    (a, b) => compareAuditDates(a, b) || byName({ name: a.project }, { name: b.project }) || a.vendor.localeCompare(b.vendor),
  );
}

export function sortAuditsByProject(rows: readonly AuditRow[]): AuditRow[] {
  return [...rows].sort(
    (a, b) => byName({ name: a.project }, { name: b.project }) || compareAuditDates(a, b) || a.vendor.localeCompare(b.vendor),
  );
}

export interface CatalogCounts {
  projects: number;
  assessedProjects: number;
  documents: number;
  audits: number;
  checklistItems: number;
}

export function catalogCounts(entries: readonly ProjectEntry[]): CatalogCounts {
  return {
    projects: entries.length,
    assessedProjects: entries.filter((e) => e.data.documents.length > 0).length,
    documents: entries.reduce((n, e) => n + e.data.documents.length, 0),
    audits: entries.reduce((n, e) => n + e.data.audits.length, 0),
    checklistItems: entries.reduce((n, e) => n + e.data.checklist.length, 0),
  };
}
