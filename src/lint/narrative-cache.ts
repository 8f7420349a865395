// The hand-off between the content lint and the content loader: the lint
// pass, which already reads and parses every file (across worker threads),
// also renders each clean file's narrative and leaves it here, keyed by the
// file's bytes, the deploy base and the code that rendered it; the loader
// then takes the render instead of parsing the file a second time. A missing
// or unreadable entry only means the loader renders the file itself.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RenderedNarrative } from '../lib/narrative.ts';

export interface CachedNarrative extends RenderedNarrative {
  /** The frontmatter as YAML gave it, before the schema. */
  data: Record<string, unknown>;
}

export function narrativeCacheDir(root: string): string {
  return resolve(root, 'node_modules/.astro/posture-narratives');
}

export function narrativeKey(bytes: Uint8Array | string, base: string, codeVersion: string): string {
  return createHash('sha256').update(codeVersion).update('\0').update(base).update('\0').update(bytes).digest('hex');
}

export function readNarrative(root: string, key: string): CachedNarrative | undefined {
  try {
    return JSON.parse(readFileSync(join(narrativeCacheDir(root), `${key}.json`), 'utf8')) as CachedNarrative;
  } catch {
    return undefined;
  }
}

export function writeNarrative(root: string, key: string, narrative: CachedNarrative): void {
  try {
    const dir = narrativeCacheDir(root);
    mkdirSync(dir, { recursive: true });
    const temp = join(dir, `${key}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    writeFileSync(temp, JSON.stringify(narrative));
    renameSync(temp, join(dir, `${key}.json`));
  } catch {
    // A read-only tree only loses the hand-off; the loader renders instead.
  }
}

/** Removes renders of files that no longer exist in this form, so the folder holds one per content file. */
export function pruneNarratives(root: string, keep: ReadonlySet<string>): void {
  try {
    for (const name of readdirSync(narrativeCacheDir(root))) {
      if (!keep.has(name.replace(/\.json$/, ''))) rmSync(join(narrativeCacheDir(root), name), { force: true });
    }
  } catch {
    // Nothing cached yet.
  }
}
