import { describe, expect, it } from 'vitest';
import { ageText, freshnessOf } from '../../src/lib/freshness.ts';
import { parseIsoDate } from '../../src/lib/dates.ts';

const d = (iso: string) => parseIsoDate(iso)!;

describe('freshnessOf', () => {
  const assessed = d('2023-06-15');
  it('is current for less than a year', () => {
    expect(freshnessOf(assessed, d('2023-06-15'))).toBe('current');
    expect(freshnessOf(assessed, d('2024-06-14'))).toBe('current');
  });
  it('turns aging exactly one year later', () => {
    expect(freshnessOf(assessed, d('2024-06-15'))).toBe('aging');
  });
  it('is still aging exactly three years later', () => {
    expect(freshnessOf(assessed, d('2026-06-15'))).toBe('aging');
  });
  it('is aging on the third anniversary whatever the hour of the build, as /about/ says', () => {
    expect(freshnessOf(d('2023-12-01'), new Date('2026-12-01T23:59:00Z'))).toBe('aging');
    expect(freshnessOf(d('2023-12-01'), new Date('2026-12-02T00:00:00Z'))).toBe('stale');
  });

  it('is stale the day after three years', () => {
    expect(freshnessOf(assessed, d('2026-06-16'))).toBe('stale');
  });
  it('handles 29 February', () => {
    expect(freshnessOf(d('2024-02-29'), d('2025-02-28'))).toBe('current');
    expect(freshnessOf(d('2024-02-29'), d('2025-03-01'))).toBe('aging');
  });
});

describe('ageText', () => {
  it('counts whole months and years', () => {
    expect(ageText(d('2024-01-10'), d('2024-01-31'))).toBe('less than a month');
    expect(ageText(d('2024-01-10'), d('2024-02-10'))).toBe('1 month');
    expect(ageText(d('2024-01-10'), d('2025-01-09'))).toBe('11 months');
    expect(ageText(d('2024-01-10'), d('2025-01-10'))).toBe('1 year');
    expect(ageText(d('2020-02-26'), d('2026-11-27'))).toBe('6 years 9 months');
  });
});
