// Date helpers for freshness and display code. All dates
// are calendar dates in UTC: an assessment has no time of day.
import type { DatePrecision } from '../schema/enums.ts';

export { parseIsoDate, toIsoDate } from '../schema/iso-date.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Formats a date no more precisely than it is known: "2024", "June 2024" or "5 June 2024". */
export function formatDate(date: Date, precision: DatePrecision = 'day'): string {
  const year = date.getUTCFullYear();
  if (precision === 'year') return String(year);
  const month = MONTHS[date.getUTCMonth()];
  if (precision === 'month') return `${month} ${year}`;
  return `${date.getUTCDate()} ${month} ${year}`;
}

/**
 * The moment the site is built. Honours SOURCE_DATE_EPOCH (seconds since the
 * epoch) so two builds of one commit are byte-identical; otherwise now.
 */
export function buildDate(env: Record<string, string | undefined> = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch.trim() !== '') {
    const seconds = Number(epoch);
    if (!Number.isInteger(seconds) || seconds < 0) {
      throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, got "${epoch}"`);
    }
    return new Date(seconds * 1000);
  }
  return new Date();
}
