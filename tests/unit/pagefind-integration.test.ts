// The Pagefind step of the build: an indexing error fails the build, and the
// Pagefind service is shut down either way, so `astro build` can exit.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
let addErrors: string[] = [];

vi.mock('pagefind', () => ({
  createIndex: () =>
    Promise.resolve({
      errors: [],
      index: {
        addDirectory: () => {
          calls.push('addDirectory');
          return Promise.resolve({ errors: addErrors, page_count: 0 });
        },
        writeFiles: () => {
          calls.push('writeFiles');
          return Promise.resolve({ errors: [], outputPath: '' });
        },
        deleteIndex: () => {
          calls.push('deleteIndex');
          return Promise.resolve();
        },
      },
    }),
  close: () => {
    calls.push('close');
    return Promise.resolve(null);
  },
}));

const { pagefindIndex } = await import('../../src/integrations/pagefind.ts');
type Done = (options: { dir: URL; logger: { info: (m: string) => void } }) => Promise<void>;
const buildDone = pagefindIndex().hooks['astro:build:done'] as unknown as Done;

describe('pagefindIndex', () => {
  beforeEach(() => {
    calls.length = 0;
    addErrors = [];
  });

  it('fails the build on an indexing error and still closes Pagefind', async () => {
    addErrors = ['could not parse /projects/x/index.html'];
    await expect(buildDone({ dir: new URL('file:///tmp/posture-no-such-dist/'), logger: { info: () => {} } })).rejects.toThrow(
      /Pagefind indexing failed: could not parse/,
    );
    expect(calls).toEqual(['addDirectory', 'deleteIndex', 'close']);
  });
});
