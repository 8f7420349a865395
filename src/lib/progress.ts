// An operator's progress through checklists, as the browser keeps it: per
// project and item id, the state (done or not applicable), an optional note,
// and the fingerprint of the item's text it was given against. Pure functions
// over plain records, shared by the guide, /stack/ and their tests; storage
// and the page live in src/client.

export const PROGRESS_STATES = ['done', 'not-applicable'] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];

export const PROGRESS_STATE_LABELS: Record<ProgressState, string> = {
  done: 'Done',
  'not-applicable': 'Not applicable',
};

export interface ProgressEntry {
  state: ProgressState | null;
  note: string;
  /** The item's textHash when the state or note was given. */
  hash: string;
  /** ISO timestamp of the last change: on import, the newer entry wins. */
  updated: string;
}

/** Keyed by progressKey(project, item id). */
export type ProgressRecord = Record<string, ProgressEntry>;

/** What an item shows: its state and note, or, if its text changed since, no state and `changed`. */
export interface ItemProgress {
  state: ProgressState | null;
  note: string;
  /** The item's text changed after the state or note was given; the state no longer counts. */
  changed: boolean;
  /** When the state or note was last given, if ever. */
  updated: string | null;
}

export interface ItemRef {
  project: string;
  id: string;
  textHash: string;
}

/** The localStorage key: one record for every project, never sent anywhere. */
export const PROGRESS_STORAGE_KEY = 'posture:progress';
export const PROGRESS_FILE_FORMAT = 'posture-progress';
export const PROGRESS_FILE_VERSION = 1;

export function progressKey(project: string, id: string): string {
  return `${project}/${id}`;
}

export function itemProgress(record: ProgressRecord, item: ItemRef): ItemProgress {
  const entry = record[progressKey(item.project, item.id)];
  if (!entry) return { state: null, note: '', changed: false, updated: null };
  const changed = entry.hash !== item.textHash;
  return { state: changed ? null : entry.state, note: entry.note, changed: changed && entry.state !== null, updated: entry.updated };
}

/** A new record with the item's state and/or note set (against its current text); an entry left with neither is removed. */
export function setItemProgress(
  record: ProgressRecord,
  item: ItemRef,
  change: { state?: ProgressState | null; note?: string },
  now: Date,
): ProgressRecord {
  const key = progressKey(item.project, item.id);
  const current = itemProgress(record, item);
  const state = change.state === undefined ? current.state : change.state;
  const note = change.note === undefined ? current.note : change.note.trim() === '' ? '' : change.note;
  const next = { ...record };
  if (state === null && note === '') delete next[key];
  else next[key] = { state, note, hash: item.textHash, updated: now.toISOString() };
  return next;
}

export interface ProgressSummary {
  total: number;
  done: number;
  notApplicable: number;
  /** Items whose state was given against text that has since changed. */
  changed: number;
}

export function summarizeProgress(record: ProgressRecord, items: readonly ItemRef[]): ProgressSummary {
  const summary: ProgressSummary = { total: items.length, done: 0, notApplicable: 0, changed: 0 };
  for (const item of items) {
    const progress = itemProgress(record, item);
    if (progress.state === 'done') summary.done++;
    if (progress.state === 'not-applicable') summary.notApplicable++;
    if (progress.changed) summary.changed++;
  }
  return summary;
}

/** "7 of 12 done, 2 not applicable, 1 changed since you marked it" */
export function progressText(summary: ProgressSummary): string {
  const parts = [`${summary.done} of ${summary.total} done`];
  if (summary.notApplicable > 0) parts.push(`${summary.notApplicable} not applicable`);
  if (summary.changed > 0) parts.push(`${summary.changed} changed since you marked ${summary.changed === 1 ? 'it' : 'them'}`);
  return parts.join(', ');
}

/** A new record without any entry of these projects. */
export function clearProgress(record: ProgressRecord, projects: ReadonlySet<string>): ProgressRecord {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !projects.has(key.slice(0, key.indexOf('/')))));
}

export interface ProgressFileItem extends ProgressEntry {
  project: string;
  id: string;
}

export interface ProgressFile {
  format: typeof PROGRESS_FILE_FORMAT;
  version: typeof PROGRESS_FILE_VERSION;
  exported: string;
  items: ProgressFileItem[];
}

/** The progress of these projects as a file a colleague can import (sorted, so two exports of the same state are equal). */
export function progressFile(record: ProgressRecord, projects: ReadonlySet<string>, now: Date): ProgressFile {
  const items = Object.entries(record)
    .map(([key, entry]) => {
      const slash = key.indexOf('/');
      return { project: key.slice(0, slash), id: key.slice(slash + 1), ...entry };
    })
    .filter((item) => projects.has(item.project))
    .sort((a, b) => a.project.localeCompare(b.project) || a.id.localeCompare(b.id));
  return { format: PROGRESS_FILE_FORMAT, version: PROGRESS_FILE_VERSION, exported: now.toISOString(), items };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const SLUG_OR_ID = /^[a-z0-9][a-z0-9-]*$/;

function entryProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'is not an object';
  if (value.state !== null && !PROGRESS_STATES.includes(value.state as ProgressState))
    return `has state ${JSON.stringify(value.state)}; use "done", "not-applicable" or null`;
  if (typeof value.note !== 'string') return 'has no note text (use "" for none)';
  if (typeof value.hash !== 'string' || value.hash === '') return 'has no hash';
  if (typeof value.updated !== 'string' || Number.isNaN(Date.parse(value.updated))) return 'has no valid "updated" timestamp';
  return undefined;
}

const entryOf = (value: Record<string, unknown>): ProgressEntry => ({
  state: value.state as ProgressState | null,
  note: value.note as string,
  hash: value.hash as string,
  updated: value.updated as string,
});

/** Reads an exported progress file; on anything unexpected, says what and where instead of importing part of it. */
export function parseProgressFile(text: string): { record: ProgressRecord } | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: 'The file is not JSON. Choose a file exported with “Export progress”.' };
  }
  if (!isObject(data) || data.format !== PROGRESS_FILE_FORMAT)
    return { error: `The file is not a Posture progress file (its "format" should be "${PROGRESS_FILE_FORMAT}").` };
  if (data.version !== PROGRESS_FILE_VERSION) return { error: `The file has version ${String(data.version)}; this site reads version 1.` };
  if (!Array.isArray(data.items)) return { error: 'The file has no "items" list.' };
  const record: ProgressRecord = {};
  for (const [index, item] of data.items.entries()) {
    if (
      !isObject(item) ||
      typeof item.project !== 'string' ||
      !SLUG_OR_ID.test(item.project) ||
      typeof item.id !== 'string' ||
      !SLUG_OR_ID.test(item.id)
    )
      return { error: `items[${index}] needs a "project" and an "id" (lowercase letters, digits and hyphens).` };
    const problem = entryProblem(item);
    if (problem) return { error: `items[${index}] (${item.project} ${item.id}) ${problem}.` };
    record[progressKey(item.project, item.id)] = entryOf(item);
  }
  return { record };
}

/** What the browser has stored; anything unreadable is dropped entry by entry rather than losing the rest. */
export function parseStoredProgress(text: string | null): ProgressRecord {
  if (!text) return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {};
  }
  if (!isObject(data)) return {};
  const record: ProgressRecord = {};
  for (const [key, value] of Object.entries(data)) {
    if (key.includes('/') && entryProblem(value) === undefined) record[key] = entryOf(value as Record<string, unknown>);
  }
  return record;
}

/** Imported entries join the current ones; where both have an item, the more recently updated wins. */
export function mergeProgress(current: ProgressRecord, incoming: ProgressRecord): { record: ProgressRecord; changed: number } {
  const record = { ...current };
  let changed = 0;
  for (const [key, entry] of Object.entries(incoming)) {
    const mine = record[key];
    if (mine && Date.parse(mine.updated) >= Date.parse(entry.updated)) continue;
    record[key] = entry;
    changed++;
  }
  return { record, changed };
}
