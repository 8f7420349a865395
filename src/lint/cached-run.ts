// The lint as the build, `npm run check` and `astro dev` run it: once, with
// each file's per-file result cached by its content, and the files not in the
// cache split across worker threads when there are enough of them to pay for
// starting one. The cache is one JSON file in node_modules/.astro (beside
// Astro's own content cache, which CI keeps between runs).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { toIsoDate } from '../lib/dates.ts';
import { LOCK_PATH } from '../lib/sources/lock.ts';
import { highlight } from '../lib/highlight.ts';
import { renderNarrativeTree } from '../lib/narrative.ts';
import { leaveNarrative, narrativeKey, type CachedNarrative } from './narrative-cache.ts';
import { exportKey, isStaged, pruneExports, stageExports } from './export-stage.ts';
import { projectExportFiles } from '../lib/project-exports.ts';
import { projectStatus } from '../lib/status.ts';
import { driftOf } from '../lib/sources/drift.ts';
import { isError, type Problem } from './problem.ts';
import {
  combineResults,
  knownSlugs,
  lintFileWithContent,
  lockFor,
  type FileLintContext,
  type FileLintResult,
  type LintInput,
  type LintOptions,
} from './run.ts';

/** Below this many files to lint, a worker costs more to start than it saves. */
export const FILES_PER_WORKER = 150;

/**
 * Every core but one. A busy Node thread already keeps about a core and a half
 * busy (V8 collects garbage and compiles on helper threads), so on two cores a
 * second lint thread finished the lint of 1,000 files at most a second sooner
 * (of 7 to 9 s, within the machine's noise) while the build's peak memory rose
 * by about 160 MiB (measured in clean builds of the benchmark's corpus). With
 * more cores, more threads pay.
 */
export function defaultThreads(cores: number = availableParallelism()): number {
  return Math.max(1, cores - 1);
}

export interface CachedLintOptions extends LintOptions {
  root: string;
  /** Where the cache lives; null turns it off. Default: node_modules/.astro/posture-lint-cache.json under root. */
  cacheFile?: string | null;
  /** Most threads to use, the calling one included. Default: defaultThreads(). */
  threads?: number;
  /** Files a worker must have to be started. Default: FILES_PER_WORKER. */
  filesPerWorker?: number;
  /** Also render each clean file's narrative for the content loader (src/lint/narrative-cache.ts), with this deploy base. */
  narratives?: { base: string } | undefined;
  /** Also stage each clean file's export files (src/lint/export-stage.ts), their links written for this site root URL. */
  exports?: { siteRoot: string } | undefined;
}

export interface LintRun {
  problems: Problem[];
  files: number;
  /** Files whose result came from the cache. */
  cached: number;
  /** Worker threads started (besides the calling thread). */
  workers: number;
  /** With `exports`: the staged exports of every file without errors, for publishExports. */
  exportKeys: string[];
}

interface CacheFile {
  context: string;
  files: Record<string, { hash: string; result: FileLintResult }>;
}

const SOURCE_DIRS = ['src/lint', 'src/schema', 'src/lib'];
const CODE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A fingerprint of the lint's own code (and the narrative renderer's, which the
 * content loader keys its renders by) and of the installed dependencies: any
 * change to a rule, the schema, what they import or a package version starts a
 * fresh cache.
 */
export function lintVersion(root: string = CODE_ROOT): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) hash.update(path.slice(root.length)).update(readFileSync(path));
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(root, dir))) walk(join(root, dir));
  // The parsers and the highlighter are dependencies: a new version of any of them starts afresh too.
  const lockfile = join(root, 'package-lock.json');
  if (existsSync(lockfile)) hash.update(readFileSync(lockfile));
  return hash.digest('hex');
}

function readCache(path: string | null, context: string): CacheFile['files'] {
  if (!path || !existsSync(path)) return {};
  try {
    const cache = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
    return cache.context === context ? cache.files : {};
  } catch {
    return {};
  }
}

function writeCache(path: string | null, cache: CacheFile): void {
  if (!path) return;
  try {
    mkdirSync(dirname(path), { recursive: true });
    // Write then rename, so a build stopped half-way never leaves half a cache.
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(cache));
    renameSync(temp, path);
  } catch {
    // A read-only tree only loses the speed-up.
  }
}

const digest = (input: LintInput) =>
  createHash('sha256')
    .update(input.file)
    .update('\0')
    .update(input.bytes ?? `oversize:${input.size}`)
    .digest('hex');

export interface WorkerTask {
  inputs: LintInput[];
  root: string;
  slugs: string[];
  /** ISO timestamp of the run's "now". */
  now: string;
  /** The lock given to the run (tests); undefined: read it under root, as the run did. */
  lock: LintOptions['lock'] | undefined;
  narratives: { base: string; codeVersion: string } | undefined;
  exports: ExportStaging | undefined;
}

/** Where and under which build context a run stages export files. */
export interface ExportStaging {
  root: string;
  siteRoot: string;
  /** The run's cache context: lint version, lock, slugs and date. */
  context: string;
}

/** One file's lint result and, when asked and the file has no error, its rendered narrative. */
export interface ProcessedFile {
  result: FileLintResult;
  narrative?: { key: string; rendered: CachedNarrative } | undefined;
}

/** Lints one file and, when it has no error, renders its narrative and stages its exports from the same read and parse of the file. */
export async function processFile(
  input: LintInput,
  context: FileLintContext,
  outputs: Pick<WorkerTask, 'narratives' | 'exports'>,
): Promise<ProcessedFile> {
  const { result, content, data, tree } = lintFileWithContent(input, context);
  if (!content || !input.bytes || result.problems.some(isError)) return { result };
  const { narratives, exports } = outputs;
  if (exports && data) {
    const project = {
      slug: content.slug,
      data,
      status: projectStatus(data.documents, context.now),
      drift: context.lock ? driftOf(data, context.lock) : [],
    };
    stageExports(
      exports.root,
      exportKey(input.bytes, exports.context, exports.siteRoot),
      projectExportFiles(project, context.now, exports.siteRoot),
    );
  }
  if (!narratives || !tree) return { result };
  const key = narrativeKey(input.bytes, narratives.base, narratives.codeVersion);
  // The lint's own tree: no second parse. (A file with an HTML comment has an error, so its blanked-out tree never gets here.)
  const rendered = await renderNarrativeTree(tree, { base: narratives.base, highlight });
  // A copy, not the parsed values themselves: a string the parser cut from the file can keep the
  // whole file's text alive for as long as the content store holds the entry (the whole build).
  const kept = structuredClone({ data: content.data as Record<string, unknown>, headings: rendered.headings });
  return { result, narrative: { key, rendered: { ...rendered, ...kept } } };
}

function lintInWorker(task: WorkerTask): Promise<ProcessedFile[]> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: task });
    worker.once('message', (results: ProcessedFile[]) => {
      resolvePromise(results);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`lint worker stopped with exit code ${code}`));
    });
  });
}

export async function lintContentCached(inputs: readonly LintInput[], options: CachedLintOptions): Promise<LintRun> {
  const slugs = knownSlugs(inputs, options.otherSlugs);
  const { lock, problem } = lockFor(options);
  const cacheFile =
    options.cacheFile === undefined ? resolve(options.root, 'node_modules/.astro/posture-lint-cache.json') : options.cacheFile;
  const lockText = options.lock === undefined ? readLockText(options.root) : JSON.stringify(options.lock);
  const version = lintVersion();
  const narratives = options.narratives ? { base: options.narratives.base, codeVersion: version } : undefined;
  const context = createHash('sha256')
    .update(version)
    .update('\0')
    .update(lockText)
    .update('\0')
    .update([...slugs].sort().join(','))
    .update('\0')
    .update(toIsoDate(options.now))
    .digest('hex');
  const cached = readCache(cacheFile, context);
  const hashes = inputs.map(digest);
  const exports: ExportStaging | undefined = options.exports
    ? { root: options.root, siteRoot: options.exports.siteRoot, context }
    : undefined;
  const exportKeyOf = (input: LintInput) =>
    exports && input.bytes ? exportKey(input.bytes, exports.context, exports.siteRoot) : undefined;
  const results: Array<FileLintResult | undefined> = inputs.map((input, i) => {
    const hit = cached[input.file];
    if (!hit || hit.hash !== hashes[i]) return undefined;
    // A clean file whose exports are no longer staged is processed again to stage them.
    const key = exportKeyOf(input);
    if (key && !hit.result.problems.some(isError) && !isStaged(options.root, key)) return undefined;
    return hit.result;
  });
  const todo = inputs.map((input, i) => ({ input, i })).filter(({ i }) => results[i] === undefined);
  const keep = (i: number, { result, narrative }: ProcessedFile) => {
    results[i] = result;
    if (narrative) leaveNarrative(narrative.key, narrative.rendered);
  };

  // This thread takes one share; each worker another.
  const threads = Math.max(
    1,
    Math.min(options.threads ?? defaultThreads(), Math.floor(todo.length / (options.filesPerWorker ?? FILES_PER_WORKER)) + 1),
  );
  // This thread takes one share, each worker another (measured: faster than leaving this thread idle).
  const shares = Array.from({ length: threads }, (_, k) => todo.filter((_, n) => n % threads === k));
  const mine = shares[0] ?? [];
  const pending = shares.slice(1).map((share) =>
    lintInWorker({
      inputs: share.map(({ input }) => input),
      root: options.root,
      slugs: [...slugs],
      now: options.now.toISOString(),
      lock: options.lock,
      narratives,
      exports,
    }).then((out) => out.forEach((processed, n) => keep(share[n]!.i, processed))),
  );
  for (const { input, i } of mine) keep(i, await processFile(input, { slugs, now: options.now, lock }, { narratives, exports }));
  await Promise.all(pending);

  const done = results as FileLintResult[];
  const exportKeys = exports
    ? inputs.flatMap((input, i) => {
        const key = exportKeyOf(input);
        return key && !done[i]!.problems.some(isError) ? [key] : [];
      })
    : [];
  if (exports) pruneExports(options.root, new Set(exportKeys));
  writeCache(cacheFile, {
    context,
    files: Object.fromEntries(inputs.map((input, i) => [input.file, { hash: hashes[i]!, result: done[i]! }])),
  });
  return {
    problems: combineResults(done, slugs, problem),
    files: inputs.length,
    cached: inputs.length - todo.length,
    workers: threads - 1,
    exportKeys,
  };
}

function readLockText(root: string): string {
  const path = resolve(root, process.env.POSTURE_SOURCE_LOCK ?? LOCK_PATH);
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return 'missing';
  }
}
