// The status of a project: one definition of "how old is what this page
// rests on", used by the catalog, the guide header, the age badge, the
// exports, the sitemap and the search facets.
import type { AssessmentDocument } from '../schema/assessment.ts';
import type { DatePrecision, Freshness, TrustLevel } from '../schema/enums.ts';
import { ageText, freshnessOf } from './freshness.ts';
import { effectiveDate, newestDocument } from './order.ts';
import { trustLevel } from './trust.ts';

type Doc = Pick<AssessmentDocument, 'kind' | 'stage' | 'volunteerDrafted' | 'date' | 'revised' | 'datePrecision'>;

/** Age of the newest document; absent for audit-only projects. */
export interface Age {
  /** The newest document's date, or its revision date when revised. */
  date: Date;
  /** How precisely `date` is known: a revision is always to the day. */
  precision: DatePrecision;
  freshness: Freshness;
  /** "2 years 3 months" */
  text: string;
}

export interface ProjectStatus<D extends Doc = Doc> {
  newest?: D | undefined;
  age?: Age | undefined;
  trust: TrustLevel;
}

export function ageOf(doc: Pick<Doc, 'date' | 'revised' | 'datePrecision'>, now: Date): Age {
  const date = effectiveDate(doc);
  return { date, precision: doc.revised ? 'day' : doc.datePrecision, freshness: freshnessOf(date, now), text: ageText(date, now) };
}

export function projectStatus<D extends Doc>(documents: readonly D[], now: Date): ProjectStatus<D> {
  const newest = newestDocument(documents);
  return { newest, age: newest ? ageOf(newest, now) : undefined, trust: trustLevel(documents) };
}
