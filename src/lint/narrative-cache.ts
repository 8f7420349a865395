// The hand-off between the content lint and the content loader: the lint
// pass, which already reads and parses every file, also renders each clean
// file's narrative and leaves it here, keyed by the file's bytes, the deploy
// base and the code that rendered it; the loader then takes the render
// instead of parsing the file a second time. Both run in the one `astro build`
// process, but Astro loads the content config in a module graph of its own,
// so the renders live on globalThis rather than in this module. They are
// kept in memory only: on disk they cost more to write and read back than a
// build saves, and a rebuild keeps unchanged entries in Astro's own content
// store anyway. A missing entry only means the loader renders the file itself.
import { createHash } from 'node:crypto';
import type { RenderedNarrative } from '../lib/narrative.ts';

export interface CachedNarrative extends RenderedNarrative {
  /** The frontmatter as YAML gave it, before the schema. */
  data: Record<string, unknown>;
}

const HANDOFF = Symbol.for('posture.narratives');

function handoff(): Map<string, CachedNarrative> {
  const holder = globalThis as { [HANDOFF]?: Map<string, CachedNarrative> };
  return (holder[HANDOFF] ??= new Map());
}

export function narrativeKey(bytes: Uint8Array | string, base: string, codeVersion: string): string {
  return createHash('sha256').update(codeVersion).update('\0').update(base).update('\0').update(bytes).digest('hex');
}

/** Leaves a render for the loader. */
export function leaveNarrative(key: string, narrative: CachedNarrative): void {
  handoff().set(key, narrative);
}

/** Takes (and forgets) the render left for this key, if any. */
export function takeNarrative(key: string): CachedNarrative | undefined {
  const narrative = handoff().get(key);
  handoff().delete(key);
  return narrative;
}
