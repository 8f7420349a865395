// Parses an MDX body into mdast with positions, without compiling or running
// anything: acorn only parses the expressions so the rules can reject them.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import type { Root } from 'mdast';

export type MdxParse = { ok: true; tree: Root } | { ok: false; line: number; column: number; reason: string };

export function parseMdx(body: string): MdxParse {
  try {
    return { ok: true, tree: fromMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] }) };
  } catch (error) {
    const err = error as { line?: number; column?: number; place?: { line?: number; column?: number; start?: { line: number; column: number } }; reason?: string; message?: string };
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

export interface MdNode {
  type: string;
  children?: MdNode[];
  position?: { start: { line: number; column: number } };
  [key: string]: unknown;
}

/** Depth-first walk over every node of the tree. */
export function walk(node: MdNode, visit: (node: MdNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

/** Plain text of a node, for headings. */
export function textOf(node: MdNode): string {
  if (typeof node.value === 'string' && (node.type === 'text' || node.type === 'inlineCode')) return node.value;
  return (node.children ?? []).map(textOf).join('');
}

/** Byte ranges of fenced code blocks, so raw-text scans can skip examples. */
export function isInsideFence(lines: readonly string[], lineIndex: number): boolean {
  let open: string | undefined;
  for (let i = 0; i < lineIndex; i++) {
    const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(lines[i] ?? '');
    if (!fence) continue;
    const marker = fence[1]![0]!;
    if (open === undefined) open = marker;
    else if (open === marker) open = undefined;
  }
  return open !== undefined;
}
