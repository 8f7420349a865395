// Parses an MDX body into mdast with positions, without compiling or running
// anything: acorn only parses the expressions so the rules can reject them.
// Rules walk the tree with unist-util-visit.
import { parseNarrative } from '../lib/narrative.ts';
import type { Root } from 'mdast';
// Adds the MDX node types (JSX elements, expressions, ESM) to mdast's node unions.
import type {} from 'mdast-util-mdx';

export type MdxParse = { ok: true; tree: Root } | { ok: false; line: number; column: number; reason: string };

export function parseMdx(body: string): MdxParse {
  try {
    // The page's own parse (MDX and GFM), so the renderer can reuse this tree.
    return { ok: true, tree: parseNarrative(body) };
  } catch (error) {
    const err = error as {
      line?: number;
      column?: number;
      place?: { line?: number; column?: number; start?: { line: number; column: number } };
      reason?: string;
      message?: string;
    };
    const place = err.place && 'start' in err.place && err.place.start ? err.place.start : err.place;
    const reason = err.reason ?? err.message ?? String(error);
    // Some errors (a tag left open at the end) carry their position only in the text: "(6:1-6:20)".
    const inText = /\((\d+):(\d+)-\d+:\d+\)/.exec(reason);
    return {
      ok: false,
      line: err.line ?? place?.line ?? (inText ? Number(inText[1]) : 1),
      column: err.column ?? place?.column ?? (inText ? Number(inText[2]) : 1),
      reason,
    };
  }
}

/**
 * Whether line `lineIndex` lies inside a fenced code block, so raw-text scans
 * can skip examples. CommonMark: a fence closes only with the same character,
 * at least as many of them, and nothing else on the line.
 */
export function isInsideFence(lines: readonly string[], lineIndex: number): boolean {
  let open: { char: string; length: number } | undefined;
  for (let i = 0; i < lineIndex; i++) {
    const fence = /^\s{0,3}(`{3,}|~{3,})(.*)$/.exec(lines[i] ?? '');
    if (!fence) continue;
    const run = fence[1]!;
    if (open === undefined) open = { char: run[0]!, length: run.length };
    else if (run[0] === open.char && run.length >= open.length && fence[2]!.trim() === '') open = undefined;
  }
  return open !== undefined;
}

/**
 * [start, end) offsets of inline code spans in `text`: a run of n backticks
 * up to the next run of exactly n, within one paragraph (no blank line).
 */
export function codeSpanRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const runs = [...text.matchAll(/`+/g)].map((m) => ({ at: m.index, length: m[0].length }));
  for (let i = 0; i < runs.length; i++) {
    const opener = runs[i]!;
    const closerIndex = runs.findIndex((run, j) => j > i && run.length === opener.length);
    if (closerIndex === -1) continue;
    const closer = runs[closerIndex]!;
    if (/\n[ \t]*\n/.test(text.slice(opener.at, closer.at))) continue;
    ranges.push([opener.at, closer.at + closer.length]);
    i = closerIndex;
  }
  return ranges;
}
