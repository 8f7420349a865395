#!/usr/bin/env node
// Opt-in (not in CI, which has no network): checks every external link in
// dist/ once, politely (4 at a time, HEAD then GET), and lists the dead ones.
// Usage: npm run build && npm run links:external
import { resolve } from 'node:path';
import { readBuiltSite } from './dist.ts';
import { linksOf } from '../src/lib/link-check.ts';

const CONCURRENCY = 4;
const TIMEOUT_MS = 15_000;
const dist = resolve(import.meta.dirname, '..', 'dist');
const { pages } = readBuiltSite(dist);
const usedOn = new Map<string, Set<string>>();
for (const [page, html] of pages) {
  for (const href of linksOf(html)) {
    if (!/^https?:\/\//.test(href)) continue;
    const url = href.split('#')[0]!;
    usedOn.set(url, (usedOn.get(url) ?? new Set()).add(page));
  }
}

async function status(url: string): Promise<number | string> {
  for (const method of ['HEAD', 'GET']) {
    try {
      const response = await fetch(url, {
        method,
        redirect: 'follow',
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: { 'User-Agent': 'posture-link-check' },
      });
      if (response.ok || method === 'GET') return response.status;
    } catch (error) {
      if (method === 'GET') return (error as Error).message;
    }
  }
  return 'unreachable';
}

const urls = [...usedOn.keys()].sort();
const dead: Array<[string, number | string]> = [];
let next = 0;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < urls.length) {
      const url = urls[next++]!;
      const result = await status(url);
      if (typeof result !== 'number' || result >= 400) dead.push([url, result]);
    }
  }),
);
for (const [url, result] of dead.sort()) console.error(`${result}  ${url}  (on ${[...usedOn.get(url)!].join(', ')})`);
console.log(`${urls.length} external URLs checked, ${dead.length} failed.`);
process.exit(dead.length > 0 ? 1 : 0);
