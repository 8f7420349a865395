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

const RESULTS_SHOWN = 20;
/** Results loaded to re-rank exact name matches before showing RESULTS_SHOWN. */
const RESULTS_RANKED = 40;
// A project's own name or alias (OPA, ESO, CNB) must outrank pages that merely
// mention it, so metadata matches weigh far more than body frequency.
const RANKING = { termFrequency: 0.4, pageLength: 0.3, termSimilarity: 2, metaWeights: { title: 10, aliases: 10, keywords: 3 } };
const SUB_RESULTS_SHOWN = 3;

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = document.querySelector<HTMLInputElement>('#page-search')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
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

function renderResult(data: PagefindResultData): HTMLLIElement {
  const item = element('li', 'result');
  if (data.meta.date) item.dataset.date = data.meta.date;
  const heading = element('h2');
  const link = element('a', undefined, data.meta.title ?? data.url);
  link.href = data.url;
  heading.append(link);
  item.append(heading);
  const badges = element('p', 'badges');
  for (const label of [data.meta.maturity, data.meta.kind, data.meta.age]) if (label) badges.append(element('span', 'badge', label));
  item.append(badges);
  const subs = data.sub_results.filter((sub) => sub.url !== data.url && sub.title !== data.meta.title).slice(0, SUB_RESULTS_SHOWN);
  if (subs.length === 0) {
    const excerpt = element('p');
    excerpt.innerHTML = data.excerpt; // Pagefind's excerpt: escaped page text with <mark> around matches.
    item.append(excerpt);
  } else {
    const sublist = element('ul');
    for (const sub of subs) {
      const li = element('li');
      const a = element('a', undefined, sub.title);
      a.href = sub.url;
      const excerpt = element('p');
      excerpt.innerHTML = sub.excerpt;
      li.append(a, excerpt);
      sublist.append(li);
    }
    item.append(sublist);
  }
  return item;
}

async function run(state: SearchState): Promise<void> {
  const mine = ++generation;
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
  let response: PagefindResponse;
  let loaded: PagefindResultData[];
  try {
    response = await engine.search(state.q || null, {
      filters: toPagefindFilters(state.filters),
      sort: state.sort === 'date' ? { date: 'desc' } : undefined,
    });
    if (mine !== generation) return;
    loaded = await Promise.all(response.results.slice(0, RESULTS_RANKED).map((result) => result.data()));
  } catch {
    // A part of the index failed to load (network, a deploy in progress):
    // say so, keep the form usable, and let the next search try again.
    if (mine === generation)
      status.textContent = 'The search failed while loading part of the index. Check your connection and search again.';
    return;
  }
  if (mine !== generation) return;
  const shown = (state.sort === 'relevance' ? promoteExactNameMatches(loaded, state.q) : loaded).slice(0, RESULTS_SHOWN);
  list.replaceChildren(...shown.map(renderResult));
  const count = response.results.length;
  const what = state.q ? ` for “${state.q}”` : '';
  status.textContent =
    count === 0
      ? `No results${what}. Try a shorter word, a project name, or fewer filters.`
      : `${count} ${count === 1 ? 'project' : 'projects'} found${what}${count > RESULTS_SHOWN ? `, showing the first ${RESULTS_SHOWN}` : ''}.`;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const state = readForm();
  updateUrl(state, 'push');
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
// On a phone the open filter list would push results off screen.
if (filtersBox && window.matchMedia('(max-width: 40rem)').matches) filtersBox.open = false;
void run(initial);
