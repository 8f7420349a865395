// Reads the real content files the way the lint does, for build tests that
// compare what was written with what was published.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { listContentFiles } from '../../src/lint/files.ts';
import { readContentFile } from '../../src/lint/source.ts';
import { assessmentSchema, type Assessment } from '../../src/schema/assessment.ts';
import { ROOT } from './build-once.ts';

export interface ContentEntry {
  slug: string;
  data: Assessment;
  body: string;
}

export function loadContent(): ContentEntry[] {
  return listContentFiles(ROOT).map((path) => {
    const read = readContentFile(path, new Uint8Array(readFileSync(path)));
    if (!read.ok) throw new Error(`${path}: ${read.problems.map((p) => p.message).join('; ')}`);
    return { slug: read.content.slug, data: assessmentSchema.parse(read.content.data), body: read.content.body };
  });
}

export const DIST = resolve(ROOT, 'dist');

export function page(path: string): string {
  return readFileSync(resolve(DIST, `.${path}`, 'index.html'), 'utf8');
}

/** HTML attribute encoding as Astro writes it, for matching hrefs. */
export function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}
