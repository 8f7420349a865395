// A lint worker thread: runs the per-file rules over its share of the files
// (src/lint/cached-run.ts), renders the narratives and stages the exports of
// clean files when asked, and posts back the lint results with the renders.
import { parentPort, workerData } from 'node:worker_threads';
import { processFile, type WorkerTask } from './cached-run.ts';
import { lockFor } from './run.ts';

const task = workerData as WorkerTask;
const { lock } = lockFor(
  task.lock === undefined ? { now: new Date(task.now), root: task.root } : { now: new Date(task.now), lock: task.lock },
);
const context = { slugs: new Set(task.slugs), now: new Date(task.now), lock };
const results = [];
for (const input of task.inputs) results.push(await processFile(input, context, task));
parentPort?.postMessage(results);
