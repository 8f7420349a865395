// /stack/: a combobox over the guides listed on the page (names and aliases),
// the selection kept in the URL, and one combined checklist built from the
// selected guides' checklist.json files, with progress and the three exports.
import type { ChecklistExport, ChecklistExportRow } from '../lib/checklist-export.ts';
import { BASIS_LEADS, sourceText } from '../lib/inline.ts';
import { SEVERITY_LABELS } from '../lib/labels.ts';
import {
  combineChecklists,
  groupStack,
  parseStackGrouping,
  parseStackSelection,
  stackCsv,
  stackJson,
  stackMarkdown,
  stackProjectLine,
  stackSearch,
  type StackExportInput,
  type StackGrouping,
} from '../lib/stack.ts';
import { announce, appendInline, copyToClipboard, download, h } from './dom.ts';
import { mountProgress, type TrackedItem } from './progress-ui.ts';

interface Choice {
  slug: string;
  name: string;
  aliases: string[];
}

const app = document.querySelector<HTMLElement>('[data-stack-app]');
if (app) start(app);

function start(app: HTMLElement): void {
  const $ = <T extends HTMLElement>(selector: string) => app.querySelector<T>(selector)!;
  const base = app.dataset.base ?? '/';
  const catalog: Choice[] = [...document.querySelectorAll<HTMLElement>('[data-stack-catalog] li')].map((li) => ({
    slug: li.dataset.slug ?? '',
    name: li.dataset.name ?? '',
    aliases: (li.dataset.aliases ?? '').split('|').filter(Boolean),
  }));
  const bySlug = new Map(catalog.map((choice) => [choice.slug, choice]));
  const input = $<HTMLInputElement>('#stack-search');
  const listbox = $<HTMLUListElement>('#stack-options');
  const chosen = $<HTMLUListElement>('[data-stack-chosen]');
  const status = $<HTMLParagraphElement>('[data-stack-status]');
  const result = $<HTMLDivElement>('[data-stack-result]');
  const groupsEl = $<HTMLDivElement>('[data-stack-groups]');
  document.querySelector('[data-stack-nojs]')?.remove();
  app.hidden = false;

  const initial = parseStackSelection(location.search, new Set(bySlug.keys()));
  let selected = initial.slugs;
  let grouping: StackGrouping = parseStackGrouping(location.search);
  const loaded = new Map<string, ChecklistExport>();
  const failed = new Set<string>();
  let tracked: TrackedItem[] = [];
  const nameOf = (slug: string) => bySlug.get(slug)?.name ?? slug;
  const listNames = (slugs: readonly string[]) =>
    slugs.length <= 1 ? slugs.map(nameOf).join('') : `${slugs.slice(0, -1).map(nameOf).join(', ')} and ${nameOf(slugs.at(-1)!)}`;
  const shown = () => selected.flatMap((slug) => loaded.get(slug) ?? []);

  const progress = mountProgress($('[data-stack-tools]'), {
    projects: () => new Set(selected),
    names: () => listNames(selected),
    items: () => tracked,
  });

  // The combobox (WAI-ARIA combobox with a list popup): typing filters, arrows move, Enter adds, Escape closes.
  let options: Choice[] = [];
  let active = -1;
  function matches(query: string): Choice[] {
    const q = query.trim().toLowerCase();
    // A name that starts with the query first, then an alias that does, then any other match.
    const score = (c: Choice) => {
      const name = c.name.toLowerCase();
      const aliases = c.aliases.map((a) => a.toLowerCase());
      if (name.startsWith(q)) return 0;
      if (aliases.some((a) => a.startsWith(q))) return 1;
      if (name.includes(q) || aliases.some((a) => a.includes(q)) || c.slug.includes(q.replace(/\s+/g, '-'))) return 2;
      return 3;
    };
    return catalog.filter((c) => !selected.includes(c.slug) && score(c) < 3).sort((a, b) => score(a) - score(b));
  }
  function renderOptions(): void {
    const open = options.length > 0 || input.value.trim() !== '';
    listbox.replaceChildren(
      ...(options.length > 0
        ? options.map((c, i) =>
            h(
              'li',
              { id: `stack-option-${c.slug}`, role: 'option', 'aria-selected': String(i === active), 'data-slug': c.slug },
              c.name,
              c.aliases.length > 0 && h('span', { class: 'muted small' }, ` (${c.aliases.join(', ')})`),
            ),
          )
        : [
            h(
              'li',
              { role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false', class: 'muted' },
              `No guide matches “${input.value.trim()}”`,
            ),
          ]),
    );
    listbox.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    const current = options[active];
    if (current) {
      input.setAttribute('aria-activedescendant', `stack-option-${current.slug}`);
      document.getElementById(`stack-option-${current.slug}`)?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }
  function closeOptions(): void {
    options = [];
    active = -1;
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }
  input.addEventListener('input', () => {
    options = input.value.trim() === '' ? [] : matches(input.value);
    active = options.length > 0 ? 0 : -1;
    if (input.value.trim() === '') closeOptions();
    else renderOptions();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (listbox.hidden) options = matches(input.value);
      if (options.length === 0) return renderOptions();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      active = active < 0 ? (step > 0 ? 0 : options.length - 1) : (active + step + options.length) % options.length;
      renderOptions();
    } else if (event.key === 'Enter') {
      const choice = options[active];
      if (!listbox.hidden) event.preventDefault();
      if (choice) add(choice);
    } else if (event.key === 'Escape') {
      if (!listbox.hidden) closeOptions();
      else input.value = '';
    }
  });
  input.addEventListener('blur', closeOptions);
  listbox.addEventListener('mousedown', (event) => event.preventDefault());
  listbox.addEventListener('click', (event) => {
    const slug = (event.target as HTMLElement).closest<HTMLElement>('[data-slug]')?.dataset.slug;
    const choice = slug ? bySlug.get(slug) : undefined;
    if (choice) add(choice);
  });

  function add(choice: Choice): void {
    selected = [...selected, choice.slug];
    input.value = '';
    closeOptions();
    announce(`${choice.name} added`);
    void update();
  }
  function remove(slug: string): void {
    selected = selected.filter((s) => s !== slug);
    failed.delete(slug);
    announce(`${nameOf(slug)} removed`);
    input.focus();
    void update();
  }

  for (const radio of app.querySelectorAll<HTMLInputElement>('input[name="group"]')) {
    radio.checked = radio.value === grouping;
    radio.addEventListener('change', () => {
      grouping = radio.value === 'project' ? 'project' : 'severity';
      void update();
    });
  }

  async function load(slug: string): Promise<void> {
    try {
      const response = await fetch(`${base}projects/${slug}/checklist.json`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      loaded.set(slug, (await response.json()) as ChecklistExport);
      failed.delete(slug);
    } catch {
      failed.add(slug);
    }
  }

  async function update(): Promise<void> {
    history.replaceState(null, '', `${location.pathname}${stackSearch(selected, grouping)}`);
    chosen.replaceChildren(
      ...selected.map((slug) =>
        h('li', {}, nameOf(slug), h('button', { type: 'button', 'data-remove': slug, 'aria-label': `Remove ${nameOf(slug)}` }, '×')),
      ),
    );
    for (const button of chosen.querySelectorAll<HTMLButtonElement>('[data-remove]')) {
      button.addEventListener('click', () => remove(button.dataset.remove ?? ''));
    }
    const missing = selected.filter((slug) => !loaded.has(slug));
    if (missing.length > 0) {
      status.textContent = `Loading the checklist${missing.length === 1 ? '' : 's'} of ${listNames(missing)}…`;
      await Promise.all(missing.map(load));
    }
    render();
  }

  function render(): void {
    const exports = shown();
    const problems = [
      initial.unknown.length > 0 ? `No guide is called ${initial.unknown.map((u) => `“${u}”`).join(', ')}; left out.` : '',
      failed.size > 0 ? `Could not load the checklist of ${listNames([...failed])}. Check your connection and reload the page.` : '',
    ].filter(Boolean);
    const rows = combineChecklists(exports);
    status.textContent =
      exports.length === 0
        ? problems.join(' ')
        : `${rows.length} item${rows.length === 1 ? '' : 's'} from ${listNames(exports.map((e) => e.project.slug))}. ${problems.join(' ')}`.trim();
    result.hidden = exports.length === 0;
    $('[data-stack-projects]').replaceChildren(
      ...exports.map((model) =>
        h('li', {}, h('a', { href: localPath(model.project.url) }, model.project.name), `: ${stackProjectLine(model.project)}`),
      ),
    );
    tracked = [];
    groupsEl.replaceChildren(
      ...groupStack(rows, exports, grouping).map((group) =>
        h(
          'section',
          { class: 'stack-group', 'aria-label': group.label },
          h('h3', {}, `${group.label} (${group.rows.length})`),
          h('ul', { class: 'stack-items' }, ...group.rows.map((row) => itemElement(row))),
        ),
      ),
    );
    progress.refresh();
  }

  function itemElement(row: ChecklistExportRow): HTMLLIElement {
    const action = h('h4', { class: 'stack-item__action' });
    appendInline(action, row.action);
    const why = h('p', {}, h('strong', {}, 'Why: '));
    appendInline(why, row.why);
    const how = row.how ? h('p', {}, h('strong', {}, 'How: ')) : null;
    if (how && row.how) appendInline(how, row.how);
    const li = h(
      'li',
      {
        class: `checklist-item checklist-item--${row.severity} stack-item`,
        'data-project': row.project,
        'data-item': row.id,
        'data-severity': row.severity,
      },
      h(
        'div',
        { class: 'stack-item__badges' },
        h(
          'span',
          { class: `badge badge--${row.severity}` },
          h('span', { class: 'visually-hidden' }, 'Severity: '),
          SEVERITY_LABELS[row.severity],
        ),
        row.basis === 'derived' && h('span', { class: 'badge badge--derived' }, 'Our advice'),
        h('span', { class: 'stack-item__project' }, row.projectName),
      ),
      action,
      why,
      how,
      row.snippet !== null && h('pre', {}, h('code', {}, row.snippet)),
      h(
        'p',
        { class: 'stack-item__meta' },
        `${BASIS_LEADS[row.basis]} `,
        h('a', { href: row.source, class: 'external', rel: 'noopener noreferrer' }, sourceText(row.source)),
        row.basis === 'derived' ? '; the assessment does not say this in so many words. ' : '. ',
        h('a', { href: localPath(row.permalink) }, `In the ${row.projectName} guide`),
      ),
    );
    tracked.push({ el: li, ref: row, label: action.textContent ?? row.action });
    return li;
  }

  const exportInput = (): StackExportInput => ({
    exports: shown(),
    record: progress.record(),
    grouping,
    url: location.href,
    now: new Date(),
  });
  const FORMATS = {
    md: { type: 'text/markdown', write: stackMarkdown },
    csv: { type: 'text/csv', write: stackCsv },
    json: { type: 'application/json', write: stackJson },
  } as const;
  for (const button of app.querySelectorAll<HTMLButtonElement>('[data-stack-download]')) {
    const format = button.dataset.stackDownload as keyof typeof FORMATS;
    button.addEventListener('click', () => {
      const input = exportInput();
      download(`stack-checklist-${input.now.toISOString().slice(0, 10)}.${format}`, FORMATS[format].type, FORMATS[format].write(input));
      announce(`${format.toUpperCase()} file saved`);
    });
  }
  const flash = (button: HTMLButtonElement, copied: boolean, what: string) => {
    const label = button.textContent;
    button.textContent = copied ? 'Copied' : 'Copy failed';
    announce(copied ? `${what} copied` : `Could not copy the ${what.toLowerCase()}`);
    setTimeout(() => (button.textContent = label), 2500);
  };
  const copyMarkdown = $<HTMLButtonElement>('[data-stack-copy]');
  copyMarkdown.addEventListener(
    'click',
    () => void copyToClipboard(stackMarkdown(exportInput())).then((ok) => flash(copyMarkdown, ok, 'Checklist')),
  );
  const copyLink = $<HTMLButtonElement>('[data-stack-link]');
  copyLink.addEventListener('click', () => void copyToClipboard(location.href).then((ok) => flash(copyLink, ok, 'Link')));

  void update();
}

/** The exports carry absolute URLs of the published site; on the page, link within whatever host serves it. */
function localPath(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.hash}`;
}
