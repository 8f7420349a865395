// The search page's state lives in its URL (/search/?q=mtls&maturity=Graduated)
// so results are shareable and the back button works. Pure: parse and write.

export const FILTER_KEYS = ['maturity', 'category', 'kind', 'stage', 'freshness', 'volunteer', 'severity'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type SortKey = 'relevance' | 'date';

export interface SearchState {
  q: string;
  filters: Partial<Record<FilterKey, string[]>>;
  sort: SortKey;
}

export function parseSearchParams(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const values = params.getAll(key).map((v) => v.trim()).filter(Boolean);
    if (values.length > 0) filters[key] = [...new Set(values)];
  }
  return { q: (params.get('q') ?? '').trim(), filters, sort: params.get('sort') === 'date' ? 'date' : 'relevance' };
}

export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of FILTER_KEYS) for (const value of state.filters[key] ?? []) params.append(key, value);
  if (state.sort === 'date') params.set('sort', 'date');
  return params;
}

/** Pagefind's filter object: values within a key are alternatives (any), keys combine (all). */
export function toPagefindFilters(filters: SearchState['filters']): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const key of FILTER_KEYS) {
    const values = filters[key];
    if (values && values.length > 0) out[key] = { any: values };
  }
  return out;
}

export function hasCriteria(state: SearchState): boolean {
  return state.q.length > 0 || Object.keys(state.filters).length > 0;
}
