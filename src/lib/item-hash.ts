// A short fingerprint of what a checklist item asks: its action, why, how and
// snippet. Progress an operator keeps in the browser is keyed by it, so an item
// whose text changes comes back unticked instead of silently staying "done".
// Plain JavaScript (two FNV-1a lanes over UTF-16 code units), not node:crypto,
// so the same module runs in the build and in the browser; it detects edits,
// it does not need to resist anyone.
import type { ChecklistItem } from '../schema/assessment.ts';

function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function itemTextHash(item: Pick<ChecklistItem, 'action' | 'why' | 'how' | 'snippet'>): string {
  const text = JSON.stringify([item.action, item.why, item.how ?? null, item.snippet?.lang ?? null, item.snippet?.code ?? null]);
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return hex(fnv1a(text, 0x811c9dc5)) + hex(fnv1a(text, 0x5bd1e995));
}
