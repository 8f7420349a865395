// A short fingerprint of what a checklist item asks: its action, why, how and
// snippet. Progress an operator keeps in the browser is keyed by it, so an item
// whose text changes comes back unticked instead of silently staying "done".
// Plain JavaScript (two FNV-1a lanes over UTF-16 code units), not node:crypto,
// so the same module runs in the build and in the browser; it detects edits,
// it does not need to resist anyone.
import type { ChecklistItem } from '../schema/assessment.ts';

/** Both lanes in one pass over the text. */
function fnv1aPair(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193);
  }
  return [a >>> 0, b >>> 0];
}

const hex = (n: number) => n.toString(16).padStart(8, '0');

export function itemTextHash(item: Pick<ChecklistItem, 'action' | 'why' | 'how' | 'snippet'>): string {
  const text = JSON.stringify([item.action, item.why, item.how ?? null, item.snippet?.lang ?? null, item.snippet?.code ?? null]);
  const [a, b] = fnv1aPair(text);
  return hex(a) + hex(b);
}
