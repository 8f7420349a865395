// Builds the Pagefind index over the finished HTML, in the same `astro build`.
// Any indexing error fails the build instead of shipping a partial index.
import type { AstroIntegration } from 'astro';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';

/** Characters kept inside words so flags and paths such as skip_kubelet_verification stay searchable. */
export const INCLUDE_CHARACTERS = '_-./';

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'posture:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors: createErrors } = await createIndex({ includeCharacters: INCLUDE_CHARACTERS });
        if (!index) throw new Error(`Pagefind could not start: ${createErrors.join('; ')}`);
        try {
          const { errors } = await index.addDirectory({ path: outDir });
          if (errors.length > 0) throw new Error(`Pagefind indexing failed: ${errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        } finally {
          // Ends Pagefind's backing process even when indexing failed, so the build exits.
          await index.deleteIndex();
          await close();
        }
        // addDirectory counts every HTML file it read; the entry file knows how many were indexed.
        const entry = JSON.parse(await readFile(`${outDir}/pagefind/pagefind-entry.json`, 'utf8')) as {
          languages: Record<string, { page_count: number }>;
        };
        const indexed = Object.values(entry.languages).reduce((n, language) => n + language.page_count, 0);
        logger.info(`indexed ${indexed} pages for search`);
      },
    },
  };
}
