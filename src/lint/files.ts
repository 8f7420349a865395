// Finds and reads the content files from disk for the lint and the build.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { MAX_FILE_BYTES } from './source.ts';
import type { LintInput } from './run.ts';

export const CONTENT_DIR = 'content/assessments';

/**
 * Where the assessments are read from: content/assessments, unless
 * POSTURE_CONTENT_DIR points elsewhere (the benchmark builds synthetic sets).
 */
export function contentDir(root: string, env: Record<string, string | undefined> = process.env): string {
  return env.POSTURE_CONTENT_DIR ? resolve(root, env.POSTURE_CONTENT_DIR) : join(root, CONTENT_DIR);
}

export function listContentFiles(root: string, dir?: string): string[] {
  const abs = dir ? resolve(root, dir) : contentDir(root);
  return readdirSync(abs)
    .filter((name) => !name.startsWith('.') && !name.startsWith('_'))
    .map((name) => join(abs, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}

/** Reads a file for linting; a huge file is not read whole, only measured. */
export function readLintInput(root: string, path: string): LintInput {
  const size = statSync(path).size;
  const bytes = size > MAX_FILE_BYTES ? new Uint8Array(size) : new Uint8Array(readFileSync(path));
  return { file: relative(root, path) || path, bytes };
}
