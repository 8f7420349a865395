// "On this page" for a guide: the fixed sections the page renders, with the
// narrative's own headings between the checklist and the documents.
import type { Assessment } from '../schema/assessment.ts';

export interface TocEntry {
  id: string;
  text: string;
  depth: 2 | 3;
}

export interface NarrativeHeading {
  depth: number;
  slug: string;
  text: string;
}

export function guideToc(
  data: Pick<Assessment, 'documents' | 'audits' | 'corrections'>,
  headings: readonly NarrativeHeading[],
): TocEntry[] {
  const narrative: TocEntry[] = headings.filter((h) => h.depth === 2).map((h) => ({ id: h.slug, text: h.text, depth: 2 }));
  const facts: TocEntry = { id: 'project-facts', text: 'Project facts', depth: 2 };
  const audits: TocEntry = { id: 'audits', text: 'Third-party audits', depth: 2 };
  if (data.documents.length === 0) return [...narrative, audits, facts];
  return [
    { id: 'secure-usage-checklist', text: 'Secure-usage checklist', depth: 2 },
    ...narrative,
    { id: 'documents', text: 'Assessment documents', depth: 2 },
    ...(data.audits.length > 0 ? [audits] : []),
    { id: 'findings', text: 'What became of the recommendations', depth: 2 },
    ...(data.corrections.length > 0 ? [{ id: 'corrections', text: 'Where sources disagree', depth: 2 as const }] : []),
    facts,
  ];
}
