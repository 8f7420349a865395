// Suggestions for a fix: the existing anchors or literals nearest to a
// mistyped one.

/** Edit distance (insertions, deletions, substitutions), for short strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Up to `count` candidates nearest to `wanted`, nearest first; a candidate
 * that contains `wanted` or is contained in it counts as near. Ties keep
 * the candidates' order (document order for anchors).
 */
export function closest(wanted: string, candidates: readonly string[], count = 3): string[] {
  const scored = candidates.map((candidate, index) => {
    const contains = candidate.includes(wanted) || wanted.includes(candidate);
    const distance = editDistance(wanted, candidate) - (contains ? Math.min(wanted.length, candidate.length) / 2 : 0);
    return { candidate, index, distance };
  });
  return scored
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .slice(0, count)
    .map((s) => s.candidate);
}
