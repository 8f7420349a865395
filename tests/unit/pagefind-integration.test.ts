// The Pagefind step of the build: an indexing error fails the build, and the
// Pagefind service is shut down either way, so `astro build` can exit.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
let addErrors: string[] = [];

vi.mock('pagefind', () => ({
  createIndex: async () => ({
    errors: [],
    index: {
      addDirectory: async () => {
        calls.push('addDirectory');
        return { errors: addErrors, page_count: 0 };
      },
      writeFiles: async () => {
        calls.push('writeFiles');
        return { errors: [], outputPath: '' };
      },
      deleteIndex: async () => {
        calls.push('deleteIndex');
      },
    },
  }),
  close: async () => {
    calls.push('close');
    return null;
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
    await expect(buildDone({ dir: new URL('file:///tmp/posture-no-such-dist/'), logger: { info: () => {} } })).rejects.toThrow(/Pagefind indexing failed: could not parse/);
    expect(calls).toEqual(['addDirectory', 'deleteIndex', 'close']);
  });
});
