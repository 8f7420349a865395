// A guide or export is copied from the last build only when its key is the
// same: the key must change with everything the page shows that is not code.
import { describe, expect, it } from 'vitest';
import { pageCacheKey, sharedKey, type SharedPageInputs } from '../../src/lib/page-cache-key.ts';

const inputs: SharedPageInputs = {
  buildDate: '2026-12-01',
  sourceLock: { files: { 'cncf/toc/projects/flux/README.md': { blob: 'a'.repeat(40), changed: '2026-01-02' } } },
  repositoryUrl: 'https://github.com/posture/posture',
};
const shared = sharedKey(inputs);

describe('page cache keys', () => {
  it('is the same for the same entries on the same build inputs', () => {
    expect(pageCacheKey(sharedKey({ ...inputs }), ['d1', 'd2'])).toBe(pageCacheKey(shared, ['d1', 'd2']));
  });

  it('changes when the guide, a related project, or the order of entries changes', () => {
    const key = pageCacheKey(shared, ['d1', 'd2']);
    expect(pageCacheKey(shared, ['d1*', 'd2'])).not.toBe(key);
    expect(pageCacheKey(shared, ['d1', 'd2*'])).not.toBe(key);
    expect(pageCacheKey(shared, ['d1'])).not.toBe(key);
    expect(pageCacheKey(shared, ['d2', 'd1'])).not.toBe(key);
    // Entry boundaries count: "ab" + "c" is not "a" + "bc".
    expect(pageCacheKey(shared, ['ab', 'c'])).not.toBe(pageCacheKey(shared, ['a', 'bc']));
  });

  it('changes on a new build day (ages), a moved source (drift notices) or another repository (edit links)', () => {
    const key = pageCacheKey(shared, ['d1']);
    expect(pageCacheKey(sharedKey({ ...inputs, buildDate: '2026-12-02' }), ['d1'])).not.toBe(key);
    expect(pageCacheKey(sharedKey({ ...inputs, sourceLock: null }), ['d1'])).not.toBe(key);
    expect(pageCacheKey(sharedKey({ ...inputs, repositoryUrl: 'https://github.com/someone/fork' }), ['d1'])).not.toBe(key);
  });
});
