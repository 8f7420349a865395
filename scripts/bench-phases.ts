// Where a Posture build's time goes, read from its own log: each phase ends at
// a line Astro or our integrations print, stamped by the benchmark as it
// arrives.

export interface StampedLine {
  /** Milliseconds since the build started. */
  ms: number;
  line: string;
}

/** Each phase and the log line that ends it, in the order a build prints them. */
export const PHASES = [
  ['boot and content lint', /\[content\] Syncing content/],
  ['content sync (load, validate, render narratives)', /\[content\] Synced content/],
  ['types and build setup', /Building static entrypoints/],
  ['compile (Vite)', /generating static routes/],
  ['render pages', /\[build\] ✓ Completed in/],
  ['export files', /\[posture:content-gate\] wrote \d+ export files/],
  ['Pagefind index', /\[posture:pagefind\] indexed/],
  ['finish', /\[build\] Complete!/],
] as const satisfies ReadonlyArray<readonly [string, RegExp]>;

export type PhaseName = (typeof PHASES)[number][0];

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Seconds per phase; a phase whose end line never came is NaN (the build's log changed: update PHASES). */
export function phaseSeconds(lines: readonly StampedLine[]): Record<PhaseName, number> {
  const out = {} as Record<PhaseName, number>;
  let from = 0;
  let index = 0;
  for (const [name, marker] of PHASES) {
    // The render phase's "Completed" is the first one after routes start; earlier ones belong to setup.
    const at = lines.findIndex((l, i) => i >= index && marker.test(l.line.replace(ANSI, '')));
    if (at === -1) {
      out[name] = Number.NaN;
      continue;
    }
    out[name] = (lines[at]!.ms - from) / 1000;
    from = lines[at]!.ms;
    index = at + 1;
  }
  return out;
}
