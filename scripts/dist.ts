// Reads a built site from disk for the link checker, budgets and tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { urlPathOf } from '../src/lib/link-check.ts';

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

export interface BuiltSite {
  pages: Map<string, string>;
  assets: Set<string>;
}

export function readBuiltSite(dist: string): BuiltSite {
  const pages = new Map<string, string>();
  const assets = new Set<string>();
  for (const file of listFiles(dist)) {
    const rel = relative(dist, file);
    if (rel.endsWith('.html')) pages.set(urlPathOf(rel), readFileSync(file, 'utf8'));
    else assets.add(urlPathOf(rel));
  }
  return { pages, assets };
}
