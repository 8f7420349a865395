// Each project's export files (src/lib/project-exports.ts), made by the
// content gate's lint pass from the frontmatter it has just parsed and
// validated, and written into a folder per file and build context under
// node_modules/.astro/posture-exports/. When Astro has finished, the build
// hard-links them into the output (one system call per file; a copy where a
// link cannot be made). Measured: through Astro's renderer the export files of
// 1,000 projects took about 3.5 s of the render phase, and a rebuild copied
// them back from Astro's cache; made and written here they take about 1.6 s
// per 1,000 projects, and an unchanged project's files are only linked again.
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ExportFile } from '../lib/project-exports.ts';

export function exportStageDir(root: string): string {
  return resolve(root, 'node_modules/.astro/posture-exports');
}

/** A file's exports are known by its bytes, the build's context (lint version, lock, slugs, date) and the site's root URL. */
export function exportKey(bytes: Uint8Array, context: string, siteRoot: string): string {
  return createHash('sha256').update(context).update('\0').update(siteRoot).update('\0').update(bytes).digest('hex');
}

/**
 * Whether this key's files are staged (a folder appears only once all its
 * files are written). A staged folder found is marked as in use now, so a
 * build running beside this one does not prune it (see pruneExports).
 */
export function isStaged(root: string, key: string): boolean {
  const dir = join(exportStageDir(root), key);
  if (!existsSync(dir)) return false;
  const now = new Date();
  utimesSync(dir, now, now);
  return true;
}

// A key's folder is flat, each file named by its output path with "/" encoded
// ("projects%2Fflux%2Fchecklist.md"), so staging makes one folder per project
// and publishing reads one.
const stagedName = (path: string) => encodeURIComponent(path);
const outputPath = (name: string) => decodeURIComponent(name);

/** Writes one project's files under its key; written to a temporary folder first, then renamed, so a stopped build leaves nothing half-staged. */
export function stageExports(root: string, key: string, files: readonly ExportFile[]): void {
  const final = join(exportStageDir(root), key);
  if (isStaged(root, key)) return;
  const temp = `${final}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  mkdirSync(temp, { recursive: true });
  for (const file of files) writeFileSync(join(temp, stagedName(file.path)), file.body);
  try {
    renameSync(temp, final);
  } catch (error) {
    // Another thread staged the same bytes first: theirs is as good.
    rmSync(temp, { recursive: true, force: true });
    if (!existsSync(final)) throw error;
  }
}

/** Links every staged file of these keys into the output folder; returns how many. Throws if a key was never staged. */
export function publishExports(root: string, keys: readonly string[], outDir: string): number {
  let count = 0;
  const made = new Set<string>();
  for (const key of keys) {
    const dir = join(exportStageDir(root), key);
    for (const name of readdirSync(dir)) {
      const staged = join(dir, name);
      const target = join(outDir, outputPath(name));
      const parent = dirname(target);
      if (!made.has(parent)) {
        mkdirSync(parent, { recursive: true });
        made.add(parent);
      }
      try {
        linkSync(staged, target);
      } catch {
        // Another file system, or one without hard links.
        copyFileSync(staged, target);
      }
      count++;
    }
  }
  return count;
}

/** How long a folder no build has used is kept: builds of other sites (tests, a second checkout's settings) may run beside this one. */
export const STAGE_KEEP_MS = 60 * 60 * 1000;

/** Removes staged folders this build does not use and no build has used for STAGE_KEEP_MS (and half-written ones as old). */
export function pruneExports(root: string, keep: ReadonlySet<string>, now: number = Date.now()): void {
  const dir = exportStageDir(root);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (keep.has(name)) continue;
    const path = join(dir, name);
    try {
      if (now - statSync(path).mtimeMs > STAGE_KEEP_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Pruned by another build meanwhile.
    }
  }
}
