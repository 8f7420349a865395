// Finds and reads the content files from disk for the lint and the build.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MAX_FILE_BYTES } from './source.ts';
import type { LintInput } from './run.ts';

export const CONTENT_DIR = 'content/assessments';

export function listContentFiles(root: string, dir = CONTENT_DIR): string[] {
  const abs = join(root, dir);
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
