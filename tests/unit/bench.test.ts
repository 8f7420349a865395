// The benchmark's own logic: the phases read from a build log, the synthetic
// catalog, and the Starlight page that carries the same text.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { starlightPage, syntheticCatalog, wordsInMain } from '../../scripts/bench-corpus.ts';
import { phaseSeconds } from '../../scripts/bench-phases.ts';

const HARBOR = readFileSync(resolve(import.meta.dirname, '../../content/assessments/harbor.mdx'), 'utf8');

describe('phaseSeconds', () => {
  it('splits a build log at the lines that end each phase, and marks a missing one NaN', () => {
    const log = [
      [900, '14:00:01 [posture:content-gate] checked 60 content files'],
      [1000, '14:00:01 [content] Syncing content'],
      [2500, '14:00:02 [content] Synced content'],
      [2600, '14:00:02 [build] ✓ Completed in 1.00s.'],
      [3000, '14:00:03 [build] Building static entrypoints...'],
      [5000, ' generating static routes '],
      [9000, '14:00:09 [build] ✓ Completed in 4.00s.'],
      [9200, '14:00:09 [posture:content-gate] wrote 228 export files'],
      [11000, '14:00:11 [posture:pagefind] indexed 60 pages for search'],
      [11500, '14:00:11 [build] Complete!'],
    ].map(([ms, line]) => ({ ms: ms as number, line: line as string }));
    expect(phaseSeconds(log)).toEqual({
      'boot and content lint': 1,
      'content sync (load, validate, render narratives)': 1.5,
      'types and build setup': 0.5,
      'compile (Vite)': 2,
      'render pages': 4,
      'export files': 0.2,
      'Pagefind index': 1.8,
      finish: 0.5,
    });
    expect(phaseSeconds(log.slice(0, 3))['render pages']).toBeNaN();
  });
});

describe('the synthetic corpus', () => {
  it('copies the real files under new slugs and names, without cross-links', () => {
    const files = syntheticCatalog([{ slug: 'harbor', text: HARBOR }], 3);
    expect(files.map((f) => f.slug)).toEqual(['harbor', 'harbor-copy-1', 'harbor-copy-2']);
    expect(files[1]!.text).toMatch(/^name: Harbor \(copy 1\)$/m);
    expect(files[1]!.text).toMatch(/^related: \[\]$/m);
  });

  it('gives Starlight the same words: title, summary, every checklist item, the narrative, findings, documents and audits', () => {
    const page = starlightPage(HARBOR);
    expect(page).toMatch(/^---\ntitle: "Harbor"\ndescription: ".+"\n---\n/);
    for (const action of [...HARBOR.matchAll(/^ {4}action: (.+)$/gm)].map((m) => m[1]!)) expect(page).toContain(`### ${action}`);
    expect(page).toContain('## What became of the recommendations');
    expect(page).toContain('## Third-party audits');
    expect(page).not.toContain('<Aside');
  });

  it('counts the words of a page’s main content only', () => {
    expect(wordsInMain('<nav>skip me</nav><main><h1>Two words</h1><script>no()</script><p>and three more</p></main>')).toBe(5);
  });
});
