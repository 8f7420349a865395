// Keys for Astro's incremental build (experimental.incrementalBuild): a page
// or export whose key and code are unchanged since the last build is copied
// from that build instead of rendered again. Astro hashes the code (modules
// and styles) itself; the key must name all the data the page shows.
import { createHash } from 'node:crypto';

/** What every page reads besides its own entries. */
export interface SharedPageInputs {
  /** The build's date: ages and "built on" lines change with it. */
  buildDate: string;
  /** The source lock as read, or null: drift notices come from it. */
  sourceLock: unknown;
  /** Where edit and report links point. */
  repositoryUrl: string;
}

export function sharedKey(inputs: SharedPageInputs): string {
  return createHash('sha256')
    .update(inputs.buildDate)
    .update('\0')
    .update(JSON.stringify(inputs.sourceLock))
    .update('\0')
    .update(inputs.repositoryUrl)
    .digest('hex');
}

/**
 * The key of a page built from these content entries, by their digests (a
 * digest covers the file's bytes and the renderer's version), in the order the
 * page uses them. An entry without a digest gets a fixed stand-in, so the page
 * is still keyed by the others; a missing related entry fails the page itself.
 */
export function pageCacheKey(shared: string, digests: ReadonlyArray<string | number | undefined>): string {
  const hash = createHash('sha256').update(shared);
  for (const digest of digests) hash.update('\0').update(digest === undefined ? 'none' : String(digest));
  return hash.digest('hex');
}
