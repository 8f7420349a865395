// Runs the content lint before Astro reads a single content file, so a file
// with script, imports or expressions is rejected before MDX compiles it
// (and so before any of its code could run), and no partial site is built.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { buildDate } from '../lib/dates.ts';
import { listContentFiles, readLintInput } from '../lint/files.ts';
import { formatReport } from '../lint/problem.ts';
import { lintContent } from '../lint/run.ts';

export class ContentGateError extends Error {
  override name = 'ContentGateError';
}

export function contentGate(): AstroIntegration {
  return {
    name: 'posture:content-gate',
    hooks: {
      'astro:config:setup': ({ config, command }) => {
        if (command === 'preview') return;
        const root = fileURLToPath(config.root);
        const inputs = listContentFiles(root).map((path) => readLintInput(root, path));
        const problems = lintContent(inputs, { now: buildDate() });
        if (problems.length > 0) {
          throw new ContentGateError(`Content check failed; nothing was built.\n${formatReport(problems)}`);
        }
      },
    },
  };
}
