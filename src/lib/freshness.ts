// How old an assessment is, in words. Ages are whole calendar units so the
// edges are exact: one year to the day is "aging", not "current".
import type { Freshness } from '../schema/enums.ts';

function addYears(date: Date, years: number): Date {
  const out = new Date(date.getTime());
  out.setUTCFullYear(out.getUTCFullYear() + years);
  return out;
}

/** The calendar day of a moment (UTC midnight): ages count days, not the hour of the build. */
function dayOf(moment: Date): Date {
  return new Date(Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth(), moment.getUTCDate()));
}

/** current: under 1 year; aging: 1 year up to and including 3 years to the day; stale: after that. */
export function freshnessOf(date: Date, now: Date): Freshness {
  const today = dayOf(now).getTime();
  if (today < addYears(date, 1).getTime()) return 'current';
  if (today <= addYears(date, 3).getTime()) return 'aging';
  return 'stale';
}

/** Whole months between two calendar dates (never negative). */
export function monthsBetween(from: Date, to: Date): number {
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  if (to.getUTCDate() < from.getUTCDate()) months -= 1;
  return Math.max(0, months);
}

/** "less than a month", "5 months", "1 year", "2 years 3 months". */
export function ageText(date: Date, now: Date): string {
  const months = monthsBetween(date, now);
  if (months < 1) return 'less than a month';
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const y = years === 1 ? '1 year' : `${years} years`;
  const m = rest === 1 ? '1 month' : `${rest} months`;
  if (years === 0) return m;
  return rest === 0 ? y : `${y} ${m}`;
}

export const FRESHNESS_LABELS: Record<Freshness, string> = {
  current: 'Current',
  aging: 'Aging',
  stale: 'Stale',
};

export const FRESHNESS_EXPLANATIONS: Record<Freshness, string> = {
  current: 'assessed less than a year ago',
  aging: 'assessed one to three years ago; check for changes since',
  stale: 'assessed more than three years ago; the project has likely changed',
};
