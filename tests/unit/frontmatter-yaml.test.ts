import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { fastFrontmatterData, frontmatterData } from '../../src/lib/frontmatter-yaml.ts';
import { listContentFiles } from '../../src/lint/files.ts';
import { readContentFile } from '../../src/lint/source.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** What the `yaml` package makes of the text, as the lint read every file before the fast reader. */
const slowData = (text: string): unknown => parseDocument(text, { uniqueKeys: true }).toJS({ maxAliasCount: 50 });

function frontmatterOf(path: string): string {
  const lines = readFileSync(path, 'utf8').split('\n');
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  return lines.slice(1, end).join('\n');
}

describe('fast frontmatter reader', () => {
  const files = listContentFiles(ROOT);

  it('reads every content file to the same data as yaml, and most without standing aside', () => {
    let fast = 0;
    for (const path of files) {
      const text = frontmatterOf(path);
      const data = fastFrontmatterData(text);
      if (data === undefined) continue;
      fast++;
      expect(data, path).toStrictEqual(slowData(text));
    }
    expect(fast).toBeGreaterThanOrEqual(files.length * 0.9);
  });

  // Scalars where YAML 1.1 readers, js-yaml's own schemas among them, differ from YAML 1.2's core schema.
  it.each([
    'n: 1_000',
    'n: 0b101',
    'n: 0o17',
    'n: 017',
    'n: 0x1F',
    'n: +12',
    'n: -0',
    'n: 1.5e3',
    'n: .5',
    'n: 1.',
    'n: [.inf, -.Inf, .NaN, .nan]',
    'n: 1_000.5',
    'flags: [yes, no, on, off, y, n, Yes, TRUE, False]',
    'nulls: [~, null, Null, NULL, nULL, ""]',
    'empty:',
    'date: 2024-01-31',
    'when: 2024-01-31T10:00:00Z',
    'version: 1.10',
    'merge: {<<: {a: 1}}',
    'text: "tab\\there \\u00e9 \\x41"',
    "text: 'it''s'",
    'text: |\n  kept\n\n  lines\n',
    'text: >-\n  folded\n  lines\n\n  para\n',
    'text: |+\n  keep\n\n',
    'list:\n  - a\n  -\n  - [b, {c: d}]',
    'key with spaces: "value: with colon"',
    'url: https://example.com/a#b?c=d',
    '"quoted key": 1',
    '1: numeric key',
    'true: boolean key',
  ])('reads %j as yaml does, or stands aside', (text) => {
    const data = fastFrontmatterData(text);
    if (data !== undefined) expect(data).toStrictEqual(slowData(text));
    expect(frontmatterData(text)).toStrictEqual(slowData(text));
  });

  it.each([
    ['an anchor and alias', 'a: &x [1, 2]\nb: *x'],
    ['a tag', 'a: !!str 12'],
    ['a custom tag', 'a: !thing 12'],
    ['a null key', 'null: 1'],
    ['an empty key', ': 1'],
    ['a complex key', '? [a, b]\n: 1'],
    ['a flow key', '[a, b]: 1'],
    ['a duplicate key', 'a: 1\na: 2'],
    ['invalid YAML', 'a: [1, 2'],
    ['a mapping nested in a compact one', 'a: b: c'],
  ])('leaves %s to yaml', (_name, text) => {
    expect(fastFrontmatterData(text)).toBeUndefined();
  });

  it('throws yaml’s own error where yaml refuses the text', () => {
    expect(() => frontmatterData('a: 1\na: 2')).toThrow(/unique/i);
  });

  it('still places problems on the right line when the data came from the fast reader', () => {
    const [first] = files;
    const text = readFileSync(first!, 'utf8');
    const read = readContentFile('x.mdx', new TextEncoder().encode(text));
    if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('; '));
    const line = text.split('\n').findIndex((l) => l.startsWith('summary:')) + 1;
    const node = read.content.frontmatter.getIn(['summary'], true) as { range: [number, number, number] };
    expect(read.content.lineCounter.linePos(node.range[0]).line + 1).toBe(line);
  });
});
