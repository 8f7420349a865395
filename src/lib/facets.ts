// Search facets: one definition shared by the hidden Pagefind fields on each
// guide and the filter list on /search/, so a filter always matches pages.
import type { Assessment } from '../schema/assessment.ts';
import { DOCUMENT_KINDS, FRESHNESS_LEVELS, MATURITIES, SEVERITIES, STAGES } from '../schema/enums.ts';
import { FRESHNESS_LABELS } from './freshness.ts';
import { KIND_LABELS, MATURITY_LABELS, SEVERITY_LABELS, STAGE_LABELS } from './labels.ts';
import type { ProjectStatus } from './status.ts';

export const NO_ASSESSMENT = 'No TAG assessment';

/** Facets in the order the filter panel shows them, with the order of their values (none: alphabetical). */
export const FACETS = [
  { key: 'maturity', label: 'Maturity', order: MATURITIES.map((m) => MATURITY_LABELS[m]) },
  { key: 'category', label: 'Category', order: undefined },
  { key: 'kind', label: 'Assessment kind', order: [...DOCUMENT_KINDS.map((k) => KIND_LABELS[k]), NO_ASSESSMENT] },
  { key: 'stage', label: 'Stage of newest document', order: STAGES.map((s) => STAGE_LABELS[s]) },
  { key: 'freshness', label: 'Age', order: FRESHNESS_LEVELS.map((f) => FRESHNESS_LABELS[f]) },
  { key: 'volunteer', label: 'Volunteer-drafted', order: ['Yes', 'No'] },
  { key: 'severity', label: 'Has checklist items of severity', order: SEVERITIES.map((s) => SEVERITY_LABELS[s]) },
  { key: 'audited', label: 'Has a third-party audit', order: ['Yes', 'No'] },
  { key: 'openFindings', label: 'Has open findings', order: ['Yes', 'No'] },
] as const;

export type FacetKey = (typeof FACETS)[number]['key'];
export type ProjectFacets = Record<FacetKey, string[]>;

/** The facet values of one project, as its page declares them to Pagefind. */
export function projectFacets(
  data: Pick<Assessment, 'maturity' | 'category' | 'documents' | 'checklist' | 'audits' | 'findings'>,
  status: Pick<ProjectStatus, 'newest' | 'age'>,
): ProjectFacets {
  const { newest, age } = status;
  return {
    maturity: [MATURITY_LABELS[data.maturity]],
    category: [data.category],
    kind: data.documents.length > 0 ? [...new Set(data.documents.map((d) => KIND_LABELS[d.kind]))] : [NO_ASSESSMENT],
    stage: newest ? [STAGE_LABELS[newest.stage]] : [],
    freshness: age ? [FRESHNESS_LABELS[age.freshness]] : [],
    volunteer: newest ? [newest.volunteerDrafted ? 'Yes' : 'No'] : [],
    severity: [...new Set(data.checklist.map((item) => SEVERITY_LABELS[item.severity]))],
    audited: [data.audits.length > 0 ? 'Yes' : 'No'],
    openFindings: [data.findings.some((finding) => finding.status === 'open') ? 'Yes' : 'No'],
  };
}

export interface FacetOptions {
  key: FacetKey;
  label: string;
  values: string[];
}

/** Every facet with the values some project has, in reading order: what the filter panel offers. */
export function facetOptions(projects: readonly ProjectFacets[]): FacetOptions[] {
  return FACETS.map(({ key, label, order }) => {
    const used = new Set(projects.flatMap((facets) => facets[key]));
    const values: string[] = order ? order.filter((value) => used.has(value)) : [...used].sort((a, b) => a.localeCompare(b));
    return { key, label, values };
  });
}
