// Progress controls for checklist items: "Done" and "Not applicable" boxes and
// a note on each item, and above the list the count ("7 of 12 done"), Clear,
// and export and import of progress as a JSON file. Kept in localStorage only.
// Guides load this module when the reader asks for it (or already has progress
// there); /stack/ imports it directly.
import {
  clearProgress,
  itemProgress,
  mergeProgress,
  parseProgressFile,
  parseStoredProgress,
  progressFile,
  progressText,
  PROGRESS_STATE_LABELS,
  PROGRESS_STATES,
  PROGRESS_STORAGE_KEY,
  setItemProgress,
  summarizeProgress,
  type ItemRef,
  type ProgressRecord,
} from '../lib/progress.ts';
import { announce, download, h } from './dom.ts';

export interface TrackedItem {
  el: HTMLElement;
  ref: ItemRef;
  /** The item's action, to name its controls for screen readers. */
  label: string;
}

export interface ProgressScope {
  /** The projects whose progress Clear and Export act on. */
  projects: () => ReadonlySet<string>;
  /** How the projects are named in the Clear confirmation ("Harbor", "Harbor, Keycloak and Flux"). */
  names: () => string;
  items: () => readonly TrackedItem[];
}

function readRecord(): ProgressRecord {
  try {
    return parseStoredProgress(localStorage.getItem(PROGRESS_STORAGE_KEY));
  } catch {
    return {};
  }
}

function writeRecord(record: ProgressRecord): boolean {
  try {
    localStorage.setItem(PROGRESS_STORAGE_KEY, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

const dateText = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

export interface ProgressView {
  /** Updates every item and the count (after the items on the page change). */
  refresh: () => void;
  /** The progress as it stands, for the exports. */
  record: () => ProgressRecord;
}

/** Fills `tools` with the count and the file and Clear controls, and adds the controls to every item of `scope`. */
export function mountProgress(tools: HTMLElement, scope: ProgressScope): ProgressView {
  let record = readRecord();
  const status = h('p', { class: 'progress-tools__status', role: 'status', tabindex: '-1' });
  const message = h('p', { class: 'progress-tools__message small', role: 'alert' });
  const fileInput = h('input', { type: 'file', accept: 'application/json,.json', class: 'visually-hidden' });
  const buttons = h(
    'div',
    { class: 'progress-tools__buttons' },
    h('button', { type: 'button', 'data-progress-export': '' }, 'Export progress'),
    h('label', { class: 'button' }, fileInput, 'Import progress'),
    h('button', { type: 'button', 'data-progress-clear': '' }, 'Clear progress'),
  );
  tools.querySelector('.progress-tools__buttons')?.append(...buttons.childNodes);
  tools.querySelector('[data-progress-start]')?.remove();
  tools.querySelector('.progress-tools__intro')?.after(status);
  tools.append(message);

  const save = (next: ProgressRecord) => {
    record = next;
    message.textContent = writeRecord(record)
      ? ''
      : 'This browser did not let the page save your progress (storage is blocked or full). Export it to keep it.';
    refresh();
  };

  const controls = new WeakMap<HTMLElement, ReturnType<typeof itemControls>>();
  function itemControls(item: TrackedItem) {
    const boxes = PROGRESS_STATES.map((state) =>
      h('input', { type: 'checkbox', 'data-state': state, 'aria-label': `${PROGRESS_STATE_LABELS[state]}: ${item.label}` }),
    );
    const changed = h('p', { class: 'progress-item__changed', hidden: '' });
    const note = h('textarea', { 'aria-label': `Your note on: ${item.label}`, maxlength: '2000' });
    const summary = h('summary', {}, 'Add a note');
    const details = h('details', { class: 'progress-item__note' }, summary, note);
    const group = h(
      'div',
      { class: 'progress-item', role: 'group', 'aria-label': `Your progress on: ${item.label}` },
      ...boxes.map((box) => h('label', { class: 'progress-item__choice' }, box, PROGRESS_STATE_LABELS[box.dataset.state as 'done'])),
      changed,
      details,
    );
    for (const box of boxes) {
      box.addEventListener('change', () =>
        save(setItemProgress(record, item.ref, { state: box.checked ? (box.dataset.state as 'done') : null }, new Date())),
      );
    }
    note.addEventListener('change', () => save(setItemProgress(record, item.ref, { note: note.value }, new Date())));
    item.el.append(group);
    return { boxes, changed, note, summary, details };
  }

  function refresh(): void {
    const items = scope.items();
    for (const item of items) {
      let view = controls.get(item.el);
      if (!view) controls.set(item.el, (view = itemControls(item)));
      const progress = itemProgress(record, item.ref);
      for (const box of view.boxes) box.checked = progress.state === box.dataset.state;
      item.el.classList.toggle('is-done', progress.state === 'done');
      view.changed.hidden = !progress.changed;
      view.changed.textContent = progress.changed
        ? `This item changed after you marked it${progress.updated ? ` on ${dateText(progress.updated)}` : ''}. Read it again and mark it anew.`
        : '';
      if (document.activeElement !== view.note) view.note.value = progress.note;
      view.summary.textContent = progress.note ? 'Your note' : 'Add a note';
      if (progress.note) view.details.open = true;
    }
    status.textContent = progressText(
      summarizeProgress(
        record,
        items.map((item) => item.ref),
      ),
    );
  }

  tools.querySelector('[data-progress-export]')?.addEventListener('click', () => {
    const file = progressFile(record, scope.projects(), new Date());
    download(`posture-progress-${file.exported.slice(0, 10)}.json`, 'application/json', `${JSON.stringify(file, null, 2)}\n`);
    announce(`Progress on ${file.items.length} item${file.items.length === 1 ? '' : 's'} exported`);
  });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    void file.text().then((text) => {
      fileInput.value = '';
      const parsed = parseProgressFile(text);
      if ('error' in parsed) {
        message.textContent = `Nothing imported from ${file.name}: ${parsed.error}`;
        return;
      }
      const merged = mergeProgress(record, parsed.record);
      save(merged.record);
      message.textContent = `Imported ${merged.changed} item${merged.changed === 1 ? '' : 's'} from ${file.name}; where your own record was newer, it was kept.`;
    });
  });
  tools.querySelector('[data-progress-clear]')?.addEventListener('click', () => {
    if (!confirm(`Clear your progress and notes on ${scope.names()}? Export them first if you want to keep them.`)) return;
    save(clearProgress(record, scope.projects()));
    announce('Progress cleared');
  });
  // Another tab (a guide, or /stack/) changed progress: show it here too.
  addEventListener('storage', (event) => {
    if (event.key !== PROGRESS_STORAGE_KEY) return;
    record = readRecord();
    refresh();
  });
  refresh();
  return { refresh, record: () => record };
}

/** On a guide: every item of its checklist. */
export function mountGuideProgress(tools: HTMLElement, focus: boolean): void {
  if (tools.dataset.mounted) return;
  tools.dataset.mounted = 'true';
  const project = tools.dataset.project ?? '';
  const name = tools.dataset.name ?? project;
  const items: TrackedItem[] = [...document.querySelectorAll<HTMLElement>('.checklist-item[data-item][data-hash]')].map((el) => ({
    el,
    ref: { project, id: el.dataset.item ?? '', textHash: el.dataset.hash ?? '' },
    label: el.querySelector('h3')?.textContent?.trim() ?? '',
  }));
  mountProgress(tools, { projects: () => new Set([project]), names: () => name, items: () => items });
  if (focus) tools.querySelector<HTMLElement>('.progress-tools__status')?.focus();
}
