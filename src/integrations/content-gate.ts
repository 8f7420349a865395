// Runs the content lint, once per build, before Astro reads a single content
// file, so a file with script, imports or expressions is refused before
// anything renders it, and no partial site is built. Files unchanged since the
// last run are not linted again (src/lint/cached-run.ts). In a build the same
// pass renders each narrative for the content loader and stages each
// project's export files, which go into the output when Astro is done.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { listContentFiles, readLintInput } from '../lint/files.ts';
import { formatReport, isError } from '../lint/problem.ts';
import { lintContentCached } from '../lint/cached-run.ts';
import { publishExports } from '../lint/export-stage.ts';
import { siteRootUrl } from '../lib/routes.ts';

/** Rules that do not stop `astro dev`, so contributors can preview a draft. */
export const DEV_DEFERRED_RULES = new Set(['todo-marker']);

export class ContentGateError extends Error {
  override name = 'ContentGateError';
  // Astro guesses a "Browser APIs are not available" hint from any error whose
  // text mentions "document" or "window", which our reports often do.
  override toString(): string {
    return `${this.name}: content check failed`;
  }
}

export interface ContentGateOptions {
  /** The build's "now", for the future-date rule; computed once per build by the caller. */
  now: Date;
}

export function contentGate({ now }: ContentGateOptions): AstroIntegration {
  let root = '';
  /** The exports this build staged, published once Astro has written the pages. */
  let exportKeys: string[] = [];
  return {
    name: 'posture:content-gate',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        if (command === 'preview') return;
        root = fileURLToPath(config.root);
        const inputs = listContentFiles(root).map((path) => readLintInput(root, path));
        const building = command === 'build';
        const run = await lintContentCached(inputs, {
          now,
          root,
          narratives: building ? { base: config.base ?? '/' } : undefined,
          exports: building ? { siteRoot: siteRootUrl(config.base ?? '/', config.site) } : undefined,
        });
        exportKeys = run.exportKeys;
        logger.info(
          `checked ${run.files} content files (${run.cached} unchanged since the last check${run.workers > 0 ? `, the rest on ${run.workers + 1} threads` : ''})`,
        );
        const all = run.problems;
        // While previewing a half-written file (`astro dev`), unfinished TODOs
        // are only reported; every other rule, safety first, still blocks.
        const deferred = command === 'dev' ? all.filter((p) => DEV_DEFERRED_RULES.has(p.rule)) : [];
        // Warnings (upstream drift) are reported and never stop a build.
        const warnings = all.filter((p) => !isError(p));
        const problems = all.filter((p) => isError(p) && !deferred.includes(p));
        if (deferred.length > 0)
          logger.warn(`${deferred.length} unfinished TODO marker(s); the build will refuse them:\n${formatReport(deferred)}`);
        if (warnings.length > 0) logger.warn(formatReport(warnings));
        if (problems.length > 0) {
          throw new ContentGateError(`Content check failed; nothing was built.\n${formatReport(problems)}`);
        }
      },
      // Astro empties the output folder before it renders, so the exports go in at the end.
      'astro:build:done': ({ dir, logger }) => {
        const count = publishExports(root, exportKeys, fileURLToPath(dir));
        logger.info(`wrote ${count} export files`);
      },
    },
  };
}
