// Reads one content file defensively: size, encoding and binary checks come
// before any parsing. The frontmatter's data comes from the fast reader
// (src/lib/frontmatter-yaml.ts); the YAML is parsed with positions only when
// that reader stands aside or a rule asks where a value is written.
import { LineCounter, parseDocument, type Document } from 'yaml';
import { fastFrontmatterData, MAX_ALIAS_COUNT } from '../lib/frontmatter-yaml.ts';
import type { Problem } from './problem.ts';
import type { RuleId } from './rule-ids.ts';

/** Larger files are refused unread: no real assessment comes near this. */
export const MAX_FILE_BYTES = 512 * 1024;

export interface ContentFile {
  /** Path as shown to the contributor, e.g. content/assessments/flux.mdx */
  file: string;
  slug: string;
  source: string;
  /** The frontmatter with positions, parsed on first use. */
  readonly frontmatter: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The MDX body after the closing --- */
  body: string;
  /** 1-based line number of the body's first line in the file */
  bodyLine: number;
  data: unknown;
}

export type ReadResult = { ok: true; content: ContentFile } | { ok: false; problems: Problem[] };

export function oversizeProblem(file: string, size: number): Problem {
  return {
    file,
    line: 1,
    column: 1,
    rule: 'file-size',
    message: `file is ${(size / 1024).toFixed(0)} KiB, over the ${MAX_FILE_BYTES / 1024} KiB limit; it was not read`,
    fix: 'split long narrative, or move data out of the file',
  };
}

export function slugFromPath(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.mdx$/, '');
}

export function readContentFile(file: string, bytes: Uint8Array): ReadResult {
  const at = (line: number, column: number, rule: RuleId, message: string, fix: string): ReadResult => ({
    ok: false,
    problems: [{ file, line, column, rule, message, fix }],
  });
  if (bytes.byteLength > MAX_FILE_BYTES) return { ok: false, problems: [oversizeProblem(file, bytes.byteLength)] };
  if (bytes.byteLength === 0) {
    return at(1, 1, 'empty-file', 'file is empty', 'start from `npm run new`, which writes a valid skeleton');
  }
  if (bytes.includes(0)) {
    return at(1, 1, 'binary-file', 'file contains NUL bytes; it is not a text file', 'save the file as UTF-8 text');
  }
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return at(line, column, 'encoding', 'file is not valid UTF-8', 'save the file with UTF-8 encoding');
  }
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    return at(
      1,
      1,
      'frontmatter',
      'file does not start with a --- frontmatter block',
      'put the YAML frontmatter between two lines of --- at the top of the file',
    );
  }
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end === -1) {
    return at(
      1,
      1,
      'frontmatter',
      'the frontmatter block is never closed',
      'add a line containing only --- after the last frontmatter field',
    );
  }
  const yamlText = lines.slice(1, end).join('\n');
  // The positioned parse costs far more than the data alone, and most files never need a position.
  let positioned: { document: Document.Parsed; lineCounter: LineCounter } | undefined;
  const parsePositioned = () => {
    if (!positioned) {
      const lineCounter = new LineCounter();
      positioned = { document: parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true }), lineCounter };
    }
    return positioned;
  };
  let data = fastFrontmatterData(yamlText);
  if (data === undefined) {
    const { document: frontmatter, lineCounter } = parsePositioned();
    if (frontmatter.errors.length > 0) {
      return {
        ok: false,
        problems: frontmatter.errors.map((error) => {
          const pos = lineCounter.linePos(error.pos[0]);
          return {
            file,
            line: pos.line + 1,
            column: pos.col,
            rule: 'yaml',
            message: `frontmatter is not valid YAML: ${error.message.split('\n')[0]}`,
            fix: 'check indentation, quoting and the ": " after each key',
          };
        }),
      };
    }
    try {
      data = frontmatter.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // Anchors and aliases that expand without bound (a "billion laughs" file).
      return at(
        2,
        1,
        'yaml',
        `frontmatter could not be read: ${(error as Error).message.split('\n')[0]}`,
        'write values out instead of using YAML anchors and aliases (&name / *name)',
      );
    }
  }
  return {
    ok: true,
    content: {
      file,
      slug: slugFromPath(file),
      source,
      get frontmatter() {
        return parsePositioned().document;
      },
      get lineCounter() {
        return parsePositioned().lineCounter;
      },
      body: lines.slice(end + 1).join('\n'),
      bodyLine: end + 2,
      data,
    },
  };
}

/** Position of a frontmatter node (by its path) in file coordinates; the key's line when the value is missing. */
export function frontmatterPosition(content: ContentFile, path: readonly PropertyKey[]): { line: number; column: number } {
  let searchPath = [...path];
  while (searchPath.length > 0) {
    const node = content.frontmatter.getIn(searchPath, true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) {
      const pos = content.lineCounter.linePos(node.range[0]);
      return { line: pos.line + 1, column: pos.col };
    }
    // The value is missing: point at the parent's key instead.
    const parentPath = searchPath.slice(0, -1);
    const parent = parentPath.length === 0 ? content.frontmatter.contents : content.frontmatter.getIn(parentPath, true);
    const key = searchPath[searchPath.length - 1];
    const pair = (parent as { items?: Array<{ key?: { value?: unknown; range?: [number, number, number] } }> } | null)?.items?.find(
      (item) => item.key?.value === key,
    );
    if (pair?.key?.range) {
      const pos = content.lineCounter.linePos(pair.key.range[0]);
      return { line: pos.line + 1, column: pos.col };
    }
    searchPath = parentPath;
    const parentNode = parent as { range?: [number, number, number] } | null;
    if (parentNode?.range) {
      const pos = content.lineCounter.linePos(parentNode.range[0]);
      return { line: pos.line + 1, column: pos.col };
    }
  }
  return { line: 2, column: 1 };
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.byteLength;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid));
      low = mid;
    } catch {
      high = mid;
    }
  }
  return low;
}
