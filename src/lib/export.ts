// The machine-readable catalog (/projects.json): the metadata the upstream
// repositories never had, one record per project, for other tools to consume.
import type { ProjectWithStatus } from './catalog.ts';
import { projectPath } from './routes.ts';
import { toIsoDate } from './dates.ts';

export interface ExportedProject {
  slug: string;
  name: string;
  url: string;
  summary: string;
  category: string;
  maturity: string;
  trust: string;
  newestDocument: { kind: string; stage: string; date: string; freshness: string } | null;
  documents: Array<{
    kind: string;
    stage: string;
    date: string;
    datePrecision: string;
    dateSource: string;
    volunteerDrafted: boolean;
    source: string;
  }>;
  audits: Array<{ date: string | null; type: string; vendor: string; report: string | null }>;
  checklist: { total: number; critical: number; high: number; medium: number; low: number };
  securityPolicy: string | null;
  securityContact: string | null;
}

export function exportCatalog(
  entries: readonly ProjectWithStatus[],
  now: Date,
  siteUrl: string,
): { generated: string; projects: ExportedProject[] } {
  const projects = [...entries]
    .sort((a, b) => a.slug.localeCompare(b.slug))
    .map(({ slug, data, status }): ExportedProject => {
      const { newest, age } = status;
      const count = (severity: string) => data.checklist.filter((item) => item.severity === severity).length;
      return {
        slug,
        name: data.name,
        url: new URL(projectPath(slug).slice(1), siteUrl).href,
        summary: data.summary,
        category: data.category,
        maturity: data.maturity,
        trust: status.trust,
        newestDocument:
          newest && age ? { kind: newest.kind, stage: newest.stage, date: toIsoDate(age.date), freshness: age.freshness } : null,
        documents: data.documents.map((doc) => ({
          kind: doc.kind,
          stage: doc.stage,
          date: toIsoDate(doc.date),
          datePrecision: doc.datePrecision,
          dateSource: doc.dateSource,
          volunteerDrafted: doc.volunteerDrafted,
          source: doc.source,
        })),
        audits: data.audits.map((audit) => ({
          date: audit.date ? toIsoDate(audit.date) : null,
          type: audit.type,
          vendor: audit.vendor,
          report: audit.report ?? null,
        })),
        checklist: {
          total: data.checklist.length,
          critical: count('critical'),
          high: count('high'),
          medium: count('medium'),
          low: count('low'),
        },
        securityPolicy: data.securityPolicy ?? null,
        securityContact: data.securityContact ?? null,
      };
    });
  return { generated: toIsoDate(now), projects };
}

/** JSON as a frontmatter file would write it: every Date a YYYY-MM-DD string, nothing else changed. */
export type AsWritten<T> = T extends Date
  ? string
  : T extends ReadonlyArray<infer U>
    ? AsWritten<U>[]
    : T extends object
      ? { [K in keyof T]: AsWritten<T[K]> }
      : T;

function asWritten(value: unknown): unknown {
  if (value instanceof Date) return toIsoDate(value);
  if (Array.isArray(value)) return value.map(asWritten);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, asWritten(v)]),
    );
  }
  return value;
}

/**
 * One project's full entry (/projects/<slug>.json): the frontmatter as the
 * build parsed it, defaults filled in, dates as YYYY-MM-DD and related
 * projects as slugs, so it validates against /schema/assessment.schema.json.
 */
export function exportEntry<Data extends object>(data: Data): AsWritten<Data> {
  return asWritten(data) as AsWritten<Data>;
}
