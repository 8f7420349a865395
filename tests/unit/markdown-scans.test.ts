// The raw-text scans the lint runs besides the MDX parser: fences, code spans
// and comments, each where a review found it wrong.
import { describe, expect, it } from 'vitest';
import { codeSpanRanges, isInsideFence } from '../../src/lint/mdx.ts';
import { lintContent } from '../../src/lint/run.ts';
import { lintInputOf } from '../../src/lint/files.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const VALID = readFileSync(resolve(import.meta.dirname, '../fixtures/valid/valid-minimal.mdx'), 'utf8');
const withBody = (extra: string) => VALID.replace('## Actors and trust boundaries', `${extra}\n\n## Actors and trust boundaries`);
const rulesOf = (text: string) =>
  lintContent([lintInputOf('content/assessments/scan-example.mdx', new TextEncoder().encode(text))], { now: new Date('2026-12-01') }).map(
    (p) => `${p.rule}:${p.line}`,
  );

describe('isInsideFence', () => {
  it('a ```` fence is not closed by ``` inside it', () => {
    const lines = ['````md', '```', '<!-- example -->', '```', '````', 'after'];
    expect(isInsideFence(lines, 2)).toBe(true);
    expect(isInsideFence(lines, 5)).toBe(false);
  });

  it('a fence closes only with the same character, and not with an info string', () => {
    expect(isInsideFence(['~~~', '```', 'x'], 2)).toBe(true);
    expect(isInsideFence(['```', '```js', 'x'], 2)).toBe(true);
    expect(isInsideFence(['```', '```', 'x'], 2)).toBe(false);
  });
});

describe('HTML comments', () => {
  it('`<!-- note -->` in inline code is an example, not a comment', () => {
    expect(rulesOf(withBody('Write `<!-- note -->` in YAML files only.'))).toEqual([]);
  });

  it('a real comment after a long fence that contains a short one is still found', () => {
    const text = withBody(['````md', '```', 'inside', '```', '````', '', '<!-- hidden -->'].join('\n'));
    const line = text.split('\n').indexOf('<!-- hidden -->') + 1;
    expect(rulesOf(text)).toEqual([`html-comment:${line}`]);
  });

  it('finds code spans of any length, within a paragraph only', () => {
    const text = 'a `x` b ``y ` z`` c `open\n\nnot closed`';
    expect(codeSpanRanges(text).map(([s, e]) => text.slice(s, e))).toEqual(['`x`', '``y ` z``']);
  });
});
