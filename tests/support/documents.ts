// An assessment document as frontmatter writes it, for tests that need one:
// a complete self-assessment of the demo project, with any field overridden.
import type { z } from 'astro/zod';
import type { documentSchema } from '../../src/schema/assessment.ts';

type DocumentInput = z.input<typeof documentSchema>;

export const DEMO_SOURCE = 'https://github.com/cncf/tag-security/blob/main/community/assessments/projects/demo/self-assessment.md';

export function documentInput(over: Partial<DocumentInput> = {}): DocumentInput {
  return {
    kind: 'self-assessment',
    stage: 'complete',
    date: '2021-06-01',
    datePrecision: 'month',
    dateSource: 'stated',
    authors: [],
    reviewers: [],
    volunteerDrafted: false,
    source: DEMO_SOURCE,
    checked: { date: '2026-10-01' },
    ...over,
  };
}
