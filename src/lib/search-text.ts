// Query words as a reader means them: stop words carry no meaning of their
// own, so they are neither highlighted nor required, and a name typed with
// British spelling or a typo ("harbour") still finds its project. Pure.

const STOP_WORDS = new Set(
  (
    'a an and are as at be by can do does for from how i in is it its my of on or should the to what when where which who why ' +
    'with you your we our this that these those me use using'
  ).split(' '),
);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase());
}

/** The words of a query, lowercased, in order. */
export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/** The words that carry meaning: stop words dropped, unless nothing else is left. */
export function meaningfulWords(query: string): string[] {
  const words = queryWords(query);
  const meaningful = words.filter((word) => !isStopWord(word));
  return meaningful.length > 0 ? meaningful : words;
}

/**
 * The query to try when the reader's own words found nothing: the same words
 * without stop words ("how do I report a vulnerability in Linkerd" becomes
 * "report vulnerability linkerd"), or undefined when that changes nothing.
 */
export function relaxedQuery(query: string): string | undefined {
  const relaxed = meaningfulWords(query).join(' ');
  return relaxed !== queryWords(query).join(' ') ? relaxed : undefined;
}

/**
 * Removes highlights that mislead: stop words, and fragments shorter than
 * three letters that are not a whole query word (Pagefind marks the "HA" of
 * "HAMi" for "harbour").
 */
export function cleanHighlights(html: string, query: string): string {
  const words = new Set(meaningfulWords(query));
  return html.replace(/<mark>([^<]*)<\/mark>/g, (whole, text: string) => {
    const word = text.toLowerCase();
    if (isStopWord(word)) return text;
    if (word.length < 3 && !words.has(word)) return text;
    return whole;
  });
}

/** Whether a text has a word starting with each meaningful query word (how Pagefind matches). */
export function matchesAllWords(text: string, query: string): boolean {
  const haystack = ` ${text.toLowerCase().replace(/<[^>]*>/g, ' ')}`;
  return meaningfulWords(query).every((word) => {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`[^\\p{L}\\p{N}]${escaped}`, 'u').test(haystack);
  });
}

/** Edit distance (insertions, deletions, substitutions, adjacent swaps). */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The project name or alias a one-word query most likely meant, when no
 * result contains the word itself: within two edits for words of five
 * letters or more, one edit for shorter ones.
 */
export function closestName(query: string, names: readonly string[]): string | undefined {
  const words = meaningfulWords(query);
  if (words.length !== 1) return undefined;
  const word = words[0]!;
  const allowed = word.length >= 5 ? 2 : 1;
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = editDistance(word, name.toLowerCase());
    if (distance > 0 && distance <= allowed && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}
