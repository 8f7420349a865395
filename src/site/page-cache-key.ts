// Page cache keys as the build sees them: src/lib/page-cache-key.ts with this
// build's date, source lock and repository URL.
import { toIsoDate } from '../lib/dates.ts';
import { pageCacheKey as keyOf, sharedKey } from '../lib/page-cache-key.ts';
import { SOURCE_LOCK } from './lock.ts';
import { BUILD_NOW } from './now.ts';
import { REPOSITORY_URL } from './repository.ts';

const SHARED = sharedKey({ buildDate: toIsoDate(BUILD_NOW), sourceLock: SOURCE_LOCK, repositoryUrl: REPOSITORY_URL });

/** The cacheKey for getStaticPaths of a page built from these entries' digests. */
export function pageCacheKey(digests: ReadonlyArray<string | number | undefined>): string {
  return keyOf(SHARED, digests);
}
