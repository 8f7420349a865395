// The source lock as pages see it: read once per build from the project root
// (the lint has already refused a build whose lock is unreadable).
import { readSourceLock } from '../lint/lock-file.ts';
import { driftOf, type Drift } from '../lib/sources/drift.ts';
import type { SourceLock } from '../lib/sources/lock.ts';
import type { Assessment } from '../schema/assessment.ts';

const { lock } = readSourceLock(process.cwd());

export const SOURCE_LOCK: SourceLock | null = lock;

/** The documents of a guide whose upstream source changed after the guide was checked. */
export function driftFor(data: Pick<Assessment, 'documents'>): Drift[] {
  return SOURCE_LOCK ? driftOf(data, SOURCE_LOCK) : [];
}
