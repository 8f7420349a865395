// Builds the Pagefind index over the finished HTML, in the same `astro build`.
// Any indexing error fails the build instead of shipping a partial index.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { createIndex } from 'pagefind';

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
        const { errors, page_count } = await index.addDirectory({ path: outDir });
        if (errors.length > 0) throw new Error(`Pagefind indexing failed: ${errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await index.deleteIndex();
        logger.info(`indexed ${page_count} pages`);
      },
    },
  };
}
