// Date helpers shared by the schema, freshness and display code. All dates
// are calendar dates in UTC: an assessment has no time of day.
import type { DatePrecision } from '../schema/enums.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD strictly: "2024-02-30" is rejected instead of rolling over to March. */
export function parseIsoDate(value: string): Date | undefined {
  const match = ISO_DATE.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date;
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

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
