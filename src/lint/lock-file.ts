// Reads content/sources.lock.json for the provenance rules, once per
// version of the file (a long-running `astro dev` sees a re-synced lock).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { LOCK_PATH, parseLock, type SourceLock } from '../lib/sources/lock.ts';
import type { Problem } from './problem.ts';

export type LockRead = { lock: SourceLock | null; problem?: undefined } | { lock: null; problem: Problem };

const cache = new Map<string, { stamp: string; read: LockRead }>();

/**
 * The lock under `root` (or at POSTURE_SOURCE_LOCK, which tests use to build
 * against a lock whose upstream moved on), or `lock: null` when there is none.
 */
export function readSourceLock(root: string, env: Record<string, string | undefined> = process.env): LockRead {
  const path = env.POSTURE_SOURCE_LOCK ? resolve(root, env.POSTURE_SOURCE_LOCK) : resolve(root, LOCK_PATH);
  if (!existsSync(path)) return { lock: null };
  const stat = statSync(path);
  const stamp = `${stat.mtimeMs}:${stat.size}`;
  const cached = cache.get(path);
  if (cached?.stamp === stamp) return cached.read;
  let read: LockRead;
  try {
    read = { lock: parseLock(readFileSync(path, 'utf8')) };
  } catch (error) {
    read = {
      lock: null,
      problem: {
        file: LOCK_PATH,
        line: 1,
        column: 1,
        rule: 'source-lock',
        message: `the source lock cannot be read: ${(error as Error).message.split('\n')[0]}`,
        fix: 'restore it with `git checkout content/sources.lock.json`, or regenerate it with `npm run sources:sync -- --repo tag-security=DIR --repo toc=DIR`',
      },
    };
  }
  cache.set(path, { stamp, read });
  return read;
}
