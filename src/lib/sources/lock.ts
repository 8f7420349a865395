// The source lock (content/sources.lock.json): what the upstream assessment
// documents looked like at their default branch head, recorded as anchors,
// section hashes, literal tokens, blob ids and dates, so the lint can check
// every link and quoted literal offline. Written by `npm run sources:sync`.
import type { LockHeading, LockSection } from './markdown.ts';
import { lockKey, pinnedCommit, type UpstreamUrl } from './upstream-url.ts';

export const LOCK_VERSION = 1;
export const LOCK_PATH = 'content/sources.lock.json';

export interface LockRepo {
  /** The default branch head that was read. */
  commit: string;
  /** Its commit date, YYYY-MM-DD. */
  date: string;
}

export interface LockFile {
  repo: string;
  path: string;
  /** Blob id at HEAD: what `checked.blob` is compared with. */
  blob: string;
  /** The last commit that changed the file. */
  commit: string;
  added: {
    /** The commit that first added the file, following renames. */
    commit: string;
    /** Its author date, YYYY-MM-DD: the date `dateSource: repository-history` means. */
    authorDate: string;
    /** Commit date of the first default-branch (first-parent) commit that has the file at this path. */
    mergeDate: string;
  };
  /** Commit date of the last change, YYYY-MM-DD. */
  changed: string;
  /** Markdown files only, in document order. */
  headings?: LockHeading[];
  /** Markdown files only, keyed by anchor (`""` for text before the first heading). */
  sections?: Record<string, LockSection>;
}

export interface SourceLock {
  version: typeof LOCK_VERSION;
  repos: Record<string, LockRepo>;
  /** Directories linked with /tree/ URLs, as `<owner>/<repo>/<path>`. */
  dirs: string[];
  /** Keyed by `<owner>/<repo>/<path>`. */
  files: Record<string, LockFile>;
}

/** Code-unit order, the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Two-space JSON with every object's keys sorted and a final newline, so the
 * same input always gives the same bytes. Arrays keep their order: callers
 * sort the ones that are sets (dirs, literals); headings stay in document order.
 */
export function serializeLock(lock: SourceLock): string {
  return `${JSON.stringify(sortKeys(lock), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => compareStrings(a, b))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

/** Parses a lock file's text; throws with a plain reason when it is not one. */
export function parseLock(text: string): SourceLock {
  const data = JSON.parse(text) as Partial<SourceLock>;
  if (data?.version !== LOCK_VERSION || typeof data.files !== 'object' || !Array.isArray(data.dirs) || typeof data.repos !== 'object') {
    throw new Error(`not a version ${LOCK_VERSION} source lock; regenerate it with \`npm run sources:sync\``);
  }
  return data as SourceLock;
}

export function lockedFile(lock: SourceLock, url: Pick<UpstreamUrl, 'repo' | 'path'> & { ref?: string }): LockFile | undefined {
  return lock.files[lockKey(url.repo, url.path, url.ref === undefined ? undefined : pinnedCommit(url.ref))];
}

export function isLockedDir(lock: SourceLock, url: Pick<UpstreamUrl, 'repo' | 'path'> & { ref?: string }): boolean {
  return lock.dirs.includes(lockKey(url.repo, url.path, url.ref === undefined ? undefined : pinnedCommit(url.ref)));
}

/** The literals of one section (with its sub-sections), or undefined when the file has no such section. */
export function sectionLiterals(file: LockFile, anchor: string): readonly string[] | undefined {
  return file.sections?.[anchor]?.literals;
}

const documentLiteralCache = new WeakMap<LockFile, readonly string[]>();

/** Every literal in the document: the sections together cover all of its text. */
export function documentLiterals(file: LockFile): readonly string[] {
  let literals = documentLiteralCache.get(file);
  if (!literals) {
    literals = [...new Set(Object.values(file.sections ?? {}).flatMap((section) => section.literals))];
    documentLiteralCache.set(file, literals);
  }
  return literals;
}

/** Where a reader sees what changed in a file upstream. */
export function historyUrl(file: Pick<LockFile, 'repo' | 'path'>): string {
  return `https://github.com/${file.repo}/commits/main/${file.path.split('/').map(encodeURIComponent).join('/')}`;
}
