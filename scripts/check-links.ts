#!/usr/bin/env node
// Fails on any broken internal link or #anchor in dist/ (run after a build).
import { resolve } from 'node:path';
import { readBuiltSite } from './dist.ts';
import { findBrokenLinks } from '../src/lib/link-check.ts';

const dist = resolve(import.meta.dirname, '..', process.argv[2] ?? 'dist');
const { pages, assets } = readBuiltSite(dist);
const broken = findBrokenLinks(pages, assets);
for (const link of broken) console.error(`${link.page}  ${link.href}  ${link.reason}`);
if (broken.length > 0) {
  console.error(`\n${broken.length} broken internal link${broken.length === 1 ? '' : 's'} in ${pages.size} pages.`);
  process.exit(1);
}
console.log(`Links OK: ${pages.size} pages, every internal link and anchor resolves.`);
