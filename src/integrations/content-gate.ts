// Runs the content lint, once per build, before Astro reads a single content
// file, so a file with script, imports or expressions is refused before
// anything renders it, and no partial site is built. Files unchanged since the
// last run are not linted again (src/lint/cached-run.ts).
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { listContentFiles, readLintInput } from '../lint/files.ts';
import { formatReport, isError } from '../lint/problem.ts';
import { lintContentCached } from '../lint/cached-run.ts';

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
  return {
    name: 'posture:content-gate',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        if (command === 'preview') return;
        const root = fileURLToPath(config.root);
        const inputs = listContentFiles(root).map((path) => readLintInput(root, path));
        const run = await lintContentCached(inputs, {
          now,
          root,
          narratives: command === 'build' ? { base: config.base ?? '/' } : undefined,
        });
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
    },
  };
}
