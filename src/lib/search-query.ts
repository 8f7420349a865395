// The search page's state lives in its URL (/search/?q=mtls&maturity=Graduated)
// so results are shareable and the back button works. Pure: parse and write.

import { FACETS, type FacetKey } from './facets.ts';

/** The URL parameters of the filters: the search facets' keys, one definition. */
export const FILTER_KEYS: readonly FacetKey[] = FACETS.map((facet) => facet.key);
export type FilterKey = FacetKey;
export type SortKey = 'relevance' | 'date';

export interface SearchState {
  q: string;
  filters: Partial<Record<FilterKey, string[]>>;
  sort: SortKey;
}

export function parseSearchParams(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const values = params
      .getAll(key)
      .map((v) => v.trim())
      .filter(Boolean);
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

/** Words of a name or alias list, lowercased, for exact-name matching. */
function nameTerms(meta: { title?: string; aliases?: string }): Set<string> {
  const names = [meta.title ?? '', ...(meta.aliases ?? '').split(',')];
  return new Set(names.map((name) => name.trim().toLowerCase()).filter(Boolean));
}

/**
 * Pagefind matches prefixes ("opa" also finds "OpAMP") and has no notion of
 * a project's name. Results whose title or an alias equals the query move to
 * the front, keeping Pagefind's order otherwise.
 */
export function promoteExactNameMatches<T extends { meta: { title?: string; aliases?: string } }>(
  results: readonly T[],
  query: string,
): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...results];
  const exact = results.filter((r) => nameTerms(r.meta).has(q));
  return [...exact, ...results.filter((r) => !exact.includes(r))];
}
