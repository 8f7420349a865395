// What kind of evidence a project's page rests on, and what readers should
// be warned about before trusting it.
import type { TrustLevel } from '../schema/enums.ts';
import type { AssessmentDocument } from '../schema/assessment.ts';
import { newestDocument } from './order.ts';

type Doc = Pick<AssessmentDocument, 'kind' | 'stage' | 'volunteerDrafted' | 'date' | 'revised'>;

export function trustLevel(documents: readonly Doc[]): TrustLevel {
  if (documents.length === 0) return 'audit-only';
  if (documents.some((doc) => doc.kind === 'joint-assessment')) return 'joint-reviewed';
  if (documents.every((doc) => doc.volunteerDrafted)) return 'volunteer-drafted';
  return 'maintainer-written';
}

export const TRUST_LABELS: Record<TrustLevel, string> = {
  'joint-reviewed': 'Joint assessment',
  'maintainer-written': 'Self-assessment by maintainers',
  'volunteer-drafted': 'Volunteer-drafted',
  'audit-only': 'Audit only',
};

/** One sentence on what the page rests on; the page links it to /about/. */
export const TRUST_SENTENCES: Record<TrustLevel, string> = {
  'joint-reviewed':
    'This guide rests on a joint assessment: the project’s own self-assessment, reviewed by independent TAG Security reviewers.',
  'maintainer-written': 'This guide rests on a self-assessment written by the project’s maintainers; no independent reviewer checked it.',
  'volunteer-drafted':
    'This guide rests on a self-assessment drafted by community volunteers rather than the project’s maintainers, and not checked by independent reviewers.',
  'audit-only': 'This project has no TAG Security assessment; this page lists only its third-party audits.',
};

export type WarningKind = 'incomplete' | 'draft' | 'in-progress' | 'obsolete' | 'volunteer-drafted';

export interface DocumentWarning {
  kind: WarningKind;
  message: string;
}

/** Warnings about the newest document: the one a reader is most likely to rely on. */
export function documentWarnings(documents: readonly Doc[]): DocumentWarning[] {
  const newest = newestDocument(documents);
  if (!newest) return [];
  const warnings: DocumentWarning[] = [];
  const stageMessages: Partial<Record<Doc['stage'], DocumentWarning>> = {
    incomplete: {
      kind: 'incomplete',
      message: 'The newest assessment document marks itself as incomplete: sections may be missing or unfinished.',
    },
    draft: { kind: 'draft', message: 'The newest assessment document is a draft and may still change.' },
    'in-progress': { kind: 'in-progress', message: 'The newest assessment document is still in progress.' },
    obsolete: { kind: 'obsolete', message: 'The newest assessment document is marked obsolete.' },
  };
  const stageWarning = stageMessages[newest.stage];
  if (stageWarning) warnings.push(stageWarning);
  if (newest.volunteerDrafted) {
    warnings.push({
      kind: 'volunteer-drafted',
      message:
        'The newest assessment document was drafted by community volunteers outside the project, not by its maintainers; the documents table says what review it had.',
    });
  }
  return warnings;
}
