// Orderings readers rely on: checklist by severity, documents by date.
import { SEVERITIES, type FindingStatus, type Severity } from '../schema/enums.ts';
import type { AssessmentDocument, ChecklistItem, Finding } from '../schema/assessment.ts';

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** Most severe first; items of equal severity keep the order the author gave them. */
export function sortChecklist<T extends Pick<ChecklistItem, 'severity'>>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => severityRank(a.item.severity) - severityRank(b.item.severity) || a.index - b.index)
    .map(({ item }) => item);
}

/** The date a document was last touched: its revision if any, else its date. */
export function effectiveDate(doc: Pick<AssessmentDocument, 'date' | 'revised'>): Date {
  return doc.revised ?? doc.date;
}

/** The newest document by effective date; on a tie, the later-listed one. */
export function newestDocument<T extends Pick<AssessmentDocument, 'date' | 'revised'>>(docs: readonly T[]): T | undefined {
  let newest: T | undefined;
  for (const doc of docs) {
    if (!newest || effectiveDate(doc).getTime() >= effectiveDate(newest).getTime()) newest = doc;
  }
  return newest;
}

export function countBySeverity(items: readonly Pick<ChecklistItem, 'severity'>[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const item of items) counts[item.severity]++;
  return counts;
}

/** Below this many actions a page says plainly that the assessment offers little guidance. */
export const THIN_GUIDANCE_THRESHOLD = 3;

const FINDING_ORDER: Record<FindingStatus, number> = { open: 0, 'not-recorded': 1, 'wont-fix': 2, fixed: 3 };

/** Open findings first (they need the reader's attention), then unknown, declined and fixed; authors' order within each. */
export function sortFindings<T extends Pick<Finding, 'status'>>(findings: readonly T[]): T[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => FINDING_ORDER[a.finding.status] - FINDING_ORDER[b.finding.status] || a.index - b.index)
    .map(({ finding }) => finding);
}
