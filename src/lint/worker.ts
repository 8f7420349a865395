// A lint worker thread: runs the per-file rules over its share of the files
// (src/lint/cached-run.ts) and posts back their results.
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerTask } from './cached-run.ts';
import { lintFile, lockFor } from './run.ts';

const task = workerData as WorkerTask;
const { lock } = lockFor(
  task.lock === undefined ? { now: new Date(task.now), root: task.root } : { now: new Date(task.now), lock: task.lock },
);
const context = { slugs: new Set(task.slugs), now: new Date(task.now), lock };
parentPort?.postMessage(task.inputs.map((input) => lintFile(input, context)));
