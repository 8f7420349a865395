// The /search/ page. Pagefind (its JS, WebAssembly and index) is imported
// only when there is something to search for, so merely opening the page
// costs nothing. State lives in the URL: typing replaces the history entry,
// submitting or changing a filter pushes one, so Back restores the search.
import {
  FILTER_KEYS,
  hasCriteria,
  parseSearchParams,
  promoteExactNameMatches,
  toPagefindFilters,
  toSearchParams,
  type SearchState,
} from '../lib/search-query.ts';
import { cleanHighlights, closestName, matchesAllWords, meaningfulWords, relaxedQuery } from '../lib/search-text.ts';

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: PagefindSubResult[];
}
interface PagefindResult {
  id: string;
  data: () => Promise<PagefindResultData>;
}
interface PagefindResponse {
  results: PagefindResult[];
}
interface Pagefind {
  options: (opts: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, opts: Record<string, unknown>) => Promise<PagefindResponse>;
}

/** Results shown at once; "Show more" adds the next batch. */
const PAGE_SIZE = 20;
/** Results loaded to re-rank exact name matches before the first batch is shown. */
const RESULTS_RANKED = 40;
// A project's own name or alias (OPA, ESO, CNB) must outrank pages that merely
// mention it, so metadata matches weigh far more than body frequency.
const RANKING = { termFrequency: 0.4, pageLength: 0.3, termSimilarity: 2, metaWeights: { title: 10, aliases: 10, keywords: 3 } };
const SUB_RESULTS_SHOWN = 3;

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = document.querySelector<HTMLInputElement>('#page-search')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
const more = document.querySelector<HTMLButtonElement>('#search-more')!;
const names = JSON.parse(form.dataset.names ?? '[]') as string[];
const bundlePath = form.dataset.bundle ?? '/pagefind/';

let pagefind: Promise<Pagefind> | undefined;
let generation = 0;
let typingTimer: ReturnType<typeof setTimeout> | undefined;

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const module = (await import(/* @vite-ignore */ `${bundlePath}pagefind.js`)) as Pagefind;
    await module.options({ baseUrl: bundlePath.replace(/pagefind\/$/, ''), excerptLength: 24, ranking: RANKING });
    await module.init();
    return module;
  })();
  return pagefind;
}

function readForm(): SearchState {
  const data = new FormData(form);
  const params = new URLSearchParams();
  for (const [key, value] of data)
    if (typeof value === 'string' && value !== '' && !(key === 'sort' && value === 'relevance')) params.append(key, value);
  return parseSearchParams(params);
}

function writeForm(state: SearchState): void {
  input.value = state.q;
  for (const key of FILTER_KEYS) {
    const chosen = new Set(state.filters[key] ?? []);
    for (const field of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(`[name="${key}"]`)) {
      if (field instanceof HTMLInputElement) field.checked = chosen.has(field.value);
      else field.value = [...chosen][0] ?? '';
    }
  }
  for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="sort"]')) radio.checked = radio.value === state.sort;
}

function updateUrl(state: SearchState, mode: 'push' | 'replace'): void {
  const query = toSearchParams(state).toString();
  const url = `${location.pathname}${query ? `?${query}` : ''}`;
  if (url === `${location.pathname}${location.search}`) return;
  if (mode === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Plain text of a result, for checking which query words it really contains. */
function resultText(data: PagefindResultData): string {
  const { title, aliases, keywords } = data.meta;
  return [title, aliases, keywords, data.excerpt, ...data.sub_results.flatMap((sub) => [sub.title, sub.excerpt])].join(' ');
}

/** Each checklist item's severity and basis, from the guide's "items" metadata: id -> "critical stated". */
function itemsOf(data: PagefindResultData): Record<string, string> {
  try {
    return JSON.parse(data.meta.items ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/** How many of the query's meaningful words a sub-result's heading has. */
function titleMatches(title: string, query: string): number {
  return meaningfulWords(query).filter((word) => matchesAllWords(title, word)).length;
}

const SEVERITY_WORDS: Record<string, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

function renderResult(data: PagefindResultData, query: string): HTMLLIElement {
  const item = element('li', 'result');
  if (data.meta.date) item.dataset.date = data.meta.date;
  const heading = element('h2');
  const link = element('a', undefined, data.meta.title ?? data.url);
  link.href = data.url;
  heading.append(link);
  item.append(heading);
  const badges = element('p', 'badges');
  for (const label of [data.meta.maturity, data.meta.kind]) if (label) badges.append(element('span', 'badge', label));
  if (data.meta.age) badges.append(element('span', `badge badge--${data.meta.age.split(',')[0]?.toLowerCase() ?? ''}`, data.meta.age));
  item.append(badges);
  const items = itemsOf(data);
  // Sub-results whose heading has the query words first: "Reporting a vulnerability" for "report a vulnerability".
  const subs = data.sub_results
    .filter((sub) => sub.url !== data.url && sub.title !== data.meta.title)
    .map((sub, index) => ({ sub, index, titled: titleMatches(sub.title, query) }))
    .sort((a, b) => b.titled - a.titled || a.index - b.index)
    .slice(0, SUB_RESULTS_SHOWN)
    .map(({ sub }) => sub);
  if (subs.length === 0) {
    const excerpt = element('p');
    excerpt.innerHTML = cleanHighlights(data.excerpt, query); // Pagefind's excerpt: escaped page text with <mark> around matches.
    item.append(excerpt);
  } else {
    const sublist = element('ul');
    for (const sub of subs) {
      const li = element('li');
      const a = element('a', undefined, sub.title);
      a.href = sub.url;
      li.append(a);
      const [severity, basis] = (items[sub.url.split('#')[1] ?? ''] ?? '').split(' ');
      if (severity) {
        const labels = element('span', 'result__sub-badges');
        labels.append(element('span', `badge badge--${severity}`, SEVERITY_WORDS[severity] ?? severity));
        labels.append(element('span', 'badge', basis === 'derived' ? 'Our advice' : 'Stated in the assessment'));
        li.append(labels);
      }
      const excerpt = element('p');
      excerpt.innerHTML = cleanHighlights(sub.excerpt, query);
      li.append(excerpt);
      sublist.append(li);
    }
    item.append(sublist);
  }
  return item;
}

interface Shown {
  query: string;
  note: string;
  ordered: PagefindResult[];
  loaded: Map<string, PagefindResultData>;
  shown: number;
}
let current: Shown | undefined;

function find(engine: Pagefind, query: string, state: SearchState): Promise<PagefindResponse> {
  return engine.search(query || null, {
    filters: toPagefindFilters(state.filters),
    sort: state.sort === 'date' ? { date: 'desc' } : undefined,
  });
}

async function dataOf(results: readonly PagefindResult[]): Promise<PagefindResultData[]> {
  return Promise.all(results.map((result) => result.data()));
}

function describe(view: Shown): string {
  const count = view.ordered.length;
  const what = view.query ? ` for “${view.query}”` : '';
  if (count === 0) return `No results${what}. Try a shorter word, a project name, or fewer filters.`;
  const showing = view.shown < count ? `, showing ${view.shown}` : '';
  return `${count} ${count === 1 ? 'project' : 'projects'} found${what}${showing}.${view.note ? ` ${view.note}` : ''}`;
}

function showMoreButton(view: Shown): void {
  const remaining = view.ordered.length - view.shown;
  more.hidden = remaining <= 0;
  if (remaining > 0) more.textContent = `Show ${Math.min(PAGE_SIZE, remaining)} more (${remaining} not shown yet)`;
}

async function showNext(view: Shown): Promise<void> {
  const batch = view.ordered.slice(view.shown, view.shown + PAGE_SIZE);
  const missing = batch.filter((result) => !view.loaded.has(result.id));
  const data = await dataOf(missing);
  missing.forEach((result, i) => view.loaded.set(result.id, data[i]!));
  if (view !== current) return;
  list.append(...batch.map((result) => renderResult(view.loaded.get(result.id)!, view.query)));
  view.shown += batch.length;
  showMoreButton(view);
  status.textContent = describe(view);
}

async function run(state: SearchState): Promise<void> {
  const mine = ++generation;
  current = undefined;
  more.hidden = true;
  if (!hasCriteria(state)) {
    list.replaceChildren();
    status.textContent = '';
    return;
  }
  status.textContent = 'Searching…';
  let engine: Pagefind;
  try {
    engine = await loadPagefind();
  } catch {
    pagefind = undefined;
    if (mine === generation)
      status.textContent =
        'The search index could not be loaded. It is made by `npm run build`; under `npm run dev` there is none, so preview with `npm run build && npm run preview`.';
    return;
  }
  try {
    let query = state.q;
    let note = '';
    let response = await find(engine, query, state);
    // Nothing has every word: try again with the words that carry meaning.
    const relaxed = query ? relaxedQuery(query) : undefined;
    if (response.results.length === 0 && relaxed) {
      const retry = await find(engine, relaxed, state);
      if (retry.results.length > 0) {
        note = `No page has every word of “${query}”; these results match “${relaxed}”.`;
        query = relaxed;
        response = retry;
      }
    }
    let ranked = await dataOf(response.results.slice(0, RESULTS_RANKED));
    // Results that only share a fragment with the query ("HA" for "harbour") are not matches.
    if (query && ranked.length > 0 && !ranked.some((data) => matchesAllWords(resultText(data), query))) {
      const meant = closestName(query, names);
      const retry = meant ? await find(engine, meant, state) : undefined;
      if (meant && retry && retry.results.length > 0) {
        note = `No exact match for “${state.q}”; showing results for “${meant}”.`;
        query = meant;
        response = retry;
        ranked = await dataOf(response.results.slice(0, RESULTS_RANKED));
      } else {
        note = `No exact match for “${query}”: these pages only partly match it.`;
      }
    }
    if (mine !== generation) return;
    const rankedResults = response.results.slice(0, RESULTS_RANKED);
    const loaded = new Map(rankedResults.map((result, i) => [result.id, ranked[i]!]));
    const withMeta = rankedResults.map((result) => ({ result, meta: loaded.get(result.id)!.meta }));
    const order = state.sort === 'relevance' ? promoteExactNameMatches(withMeta, query) : withMeta;
    const view: Shown = {
      query,
      note,
      ordered: [...order.map(({ result }) => result), ...response.results.slice(RESULTS_RANKED)],
      loaded,
      shown: 0,
    };
    current = view;
    list.replaceChildren();
    await showNext(view);
  } catch {
    // A part of the index failed to load (network, a deploy in progress):
    // say so, keep the form usable, and let the next search try again.
    if (mine === generation)
      status.textContent = 'The search failed while loading part of the index. Check your connection and search again.';
  }
}

more.addEventListener('click', () => {
  if (current) void showNext(current).catch(() => (status.textContent = 'Loading more results failed. Try the button again.'));
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const state = readForm();
  updateUrl(state, 'push');
  if (!hasCriteria(state)) {
    list.replaceChildren();
    more.hidden = true;
    status.textContent =
      'Type what you are looking for first: a project, a flag such as --anonymous-auth, or a topic such as mTLS or SBOM.';
    return;
  }
  void run(state);
});

input.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    const state = readForm();
    updateUrl(state, 'replace');
    void run(state);
  }, 200);
});

form.addEventListener('change', (event) => {
  if (event.target === input) return;
  const state = readForm();
  updateUrl(state, 'push');
  void run(state);
});

window.addEventListener('popstate', () => {
  const state = parseSearchParams(new URLSearchParams(location.search));
  writeForm(state);
  showActiveFilterCount(state);
  void run(state);
});

const filtersBox = form.querySelector<HTMLDetailsElement>('details.search-filters');
const filtersSummary = filtersBox?.querySelector('summary');

/** The summary says how many filters are on, so a closed box hides nothing. */
function showActiveFilterCount(state: SearchState): void {
  if (!filtersSummary) return;
  const active = Object.values(state.filters).reduce((n, values) => n + (values?.length ?? 0), 0);
  filtersSummary.textContent = active > 0 ? `Filters (${active} on)` : 'Filters';
}
form.addEventListener('change', () => showActiveFilterCount(readForm()));

const initial = parseSearchParams(new URLSearchParams(location.search));
writeForm(initial);
showActiveFilterCount(initial);
void run(initial);
