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

export function listContentFiles(root: string, dir?: string, env: Record<string, string | undefined> = process.env): string[] {
  const abs = dir ? resolve(root, dir) : contentDir(root, env);
  return readdirSync(abs)
    .filter((name) => !name.startsWith('.') && !name.startsWith('_'))
    .map((name) => join(abs, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}

/** Reads a file for linting; a file over the size limit is only measured, never read or allocated. */
export function readLintInput(root: string, path: string): LintInput {
  const size = statSync(path).size;
  const file = relative(root, path) || path;
  return size > MAX_FILE_BYTES ? { file, size } : { file, size, bytes: new Uint8Array(readFileSync(path)) };
}

/** A lint input for text already in memory (tests, editors). */
export function lintInputOf(file: string, bytes: Uint8Array): LintInput {
  return { file, size: bytes.byteLength, bytes };
}
