#!/usr/bin/env node
// Writes content/sources.lock.json from local clones of the upstream
// assessment repositories:
//
//   npm run sources:sync -- --repo tag-security=DIR --repo toc=DIR [--check]
//
// Every cncf/tag-security and cncf/toc link in the content is read at the
// clone's HEAD (whatever ref the link names), so the lint can check links,
// anchors, literals and dates offline. The clones may be bare: files are read
// from git objects, never from a work tree. This is the only code that runs
// git; everything it computes from a file's text lives in src/lib/sources/.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { CONTENT_DIR, listContentFiles } from '../src/lint/files.ts';
import { compareStrings, LOCK_PATH, LOCK_VERSION, serializeLock, type LockFile, type SourceLock } from '../src/lib/sources/lock.ts';
import { isMarkdownPath, outlineMarkdown } from '../src/lib/sources/markdown.ts';
import { findUpstreamUrls, lockKey, pinnedCommit, UPSTREAM_REPOS, type UpstreamRepo } from '../src/lib/sources/upstream-url.ts';

const run = promisify(execFile);
const USAGE = 'usage: npm run sources:sync -- --repo tag-security=DIR --repo toc=DIR [--check] [--root DIR]';

interface Options {
  root: string;
  clones: Map<UpstreamRepo, string>;
  /** Compare with the committed lock instead of writing it. */
  check: boolean;
}

export async function main(argv: string[]): Promise<number> {
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    console.error(`${options}\n${USAGE}`);
    return 2;
  }
  const wanted = collectLinks(options.root);
  const missingClones = UPSTREAM_REPOS.filter((repo) => wanted.has(repo) && !options.clones.has(repo));
  if (missingClones.length > 0) {
    console.error(`The content links ${missingClones.join(' and ')}, but no clone was given.\n${USAGE}`);
    return 2;
  }

  const lock: SourceLock = { version: LOCK_VERSION, repos: {}, dirs: [], files: {} };
  for (const [repo, links] of [...wanted].sort(([a], [b]) => compareStrings(a, b))) {
    const git = gitIn(options.clones.get(repo)!);
    const head = (await git('rev-parse', '--verify', 'HEAD^{commit}')).trim();
    lock.repos[repo] = { commit: head, date: (await git('log', '-1', '--format=%cs', head)).trim() };
    const tree = await listTree(git, head);
    for (const path of links.dirs) {
      if (tree.get(path)?.type === 'tree') lock.dirs.push(lockKey(repo, path));
      else
        console.error(
          `${repo}: directory ${path} is not at HEAD (${head.slice(0, 12)}); left out of the lock, so the lint will flag links to it`,
        );
    }
    const files = [...links.files].filter((path) => {
      const entry = tree.get(path);
      // GitHub redirects a /blob/ link to a directory to its /tree/ page.
      if (entry?.type === 'tree') lock.dirs.push(lockKey(repo, path));
      if (entry?.type === 'blob') return true;
      if (!entry)
        console.error(`${repo}: ${path} is not at HEAD (${head.slice(0, 12)}); left out of the lock, so the lint will flag links to it`);
      return false;
    });
    const entries = await mapLimit(files, 8, (path) => readFile(git, repo, head, path, tree.get(path)!.sha));
    for (const entry of entries) lock.files[lockKey(repo, entry.path)] = entry;
    // Permalinks: each file as it was at the commit the link names.
    for (const [pin, paths] of [...links.pinned].sort(([a], [b]) => compareStrings(a, b))) {
      const commit = (await git('rev-parse', '--verify', `${pin}^{commit}`).catch(() => '')).trim();
      if (!commit) {
        console.error(`${repo}: commit ${pin} is not in the clone; links pinned to it are left out of the lock`);
        continue;
      }
      const pinnedTree = await listTree(git, commit);
      for (const path of [...paths].sort(compareStrings)) {
        const entry = pinnedTree.get(path);
        if (entry?.type !== 'blob') {
          console.error(`${repo}: ${path} is not a file at ${pin}; left out of the lock`);
          continue;
        }
        lock.files[lockKey(repo, path, pin)] = await readFile(git, repo, commit, path, entry.sha);
      }
    }
  }
  lock.dirs = [...new Set(lock.dirs)].sort(compareStrings);

  const text = serializeLock(lock);
  const target = resolve(options.root, LOCK_PATH);
  const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
  if (options.check) {
    if (current === text) return 0;
    console.error(`${LOCK_PATH} is not what the clones give; run the command without --check and commit the result.`);
    return 1;
  }
  if (current !== text) writeFileSync(target, text);
  const headings = Object.values(lock.files).reduce((n, f) => n + (f.headings?.length ?? 0), 0);
  console.log(
    `${LOCK_PATH}: ${Object.keys(lock.files).length} files, ${lock.dirs.length} directories, ${headings} headings${current === text ? ' (unchanged)' : ''}.`,
  );
  return 0;
}

function parseArgs(argv: string[]): Options | string {
  const options: Options = { root: resolve(import.meta.dirname, '..'), clones: new Map(), check: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--check') options.check = true;
    else if (arg === '--root' || arg === '--repo') {
      const value = argv[++i];
      if (value === undefined) return `${arg} needs a value`;
      if (arg === '--root') {
        options.root = resolve(value);
        continue;
      }
      const [name, dir] = [value.slice(0, value.indexOf('=')), value.slice(value.indexOf('=') + 1)];
      const repo = UPSTREAM_REPOS.find((r) => r === name || r === `cncf/${name}`);
      if (!repo || !dir || !value.includes('='))
        return `--repo ${value}: expected one of ${UPSTREAM_REPOS.map((r) => r.split('/')[1]).join(', ')} followed by =DIR`;
      options.clones.set(repo, resolve(dir));
    } else return `unknown argument ${arg}`;
  }
  return options;
}

interface Links {
  files: Set<string>;
  dirs: Set<string>;
  /** Files linked at a fixed commit: commit as written in the link → paths. */
  pinned: Map<string, Set<string>>;
}

/** Every upstream file and directory the content links, in frontmatter and body alike. */
function collectLinks(root: string): Map<UpstreamRepo, Links> {
  const wanted = new Map<UpstreamRepo, Links>();
  // Always the real content directory: POSTURE_CONTENT_DIR points the build
  // at synthetic benchmark sets, which must not shape the committed lock.
  for (const path of listContentFiles(root, CONTENT_DIR).filter((p) => p.endsWith('.mdx'))) {
    for (const { parsed } of findUpstreamUrls(readFileSync(path, 'utf8'))) {
      let links = wanted.get(parsed.repo);
      if (!links) wanted.set(parsed.repo, (links = { files: new Set(), dirs: new Set(), pinned: new Map() }));
      const pin = pinnedCommit(parsed.ref);
      if (pin && parsed.kind === 'blob') {
        if (!links.pinned.has(pin)) links.pinned.set(pin, new Set());
        links.pinned.get(pin)!.add(parsed.path);
      } else (parsed.kind === 'blob' ? links.files : links.dirs).add(parsed.path);
    }
  }
  return wanted;
}

type Git = (...args: string[]) => Promise<string>;

function gitIn(dir: string): Git {
  return async (...args) => {
    // Literal pathspecs: a path with * or [ must name that file, not a pattern.
    const { stdout } = await run('git', ['-C', dir, '--literal-pathspecs', '-c', 'log.showSignature=false', ...args], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, LC_ALL: 'C', GIT_CONFIG_NOSYSTEM: '1' },
    });
    return stdout;
  };
}

/** Path -> type and object id of everything at HEAD, in one git call. */
async function listTree(git: Git, head: string): Promise<Map<string, { type: string; sha: string }>> {
  const out = await git('ls-tree', '-r', '-t', '-z', '--full-tree', head);
  const tree = new Map<string, { type: string; sha: string }>();
  for (const record of out.split('\0')) {
    const match = /^\d+ (\w+) ([0-9a-f]+)\t(.*)$/s.exec(record);
    if (match) tree.set(match[3]!, { type: match[1]!, sha: match[2]! });
  }
  return tree;
}

async function readFile(git: Git, repo: string, head: string, path: string, blob: string): Promise<LockFile> {
  const line = async (...args: string[]) => (await git(...args, head, '--', path)).split('\n').filter(Boolean);
  const [lastChange] = await line('log', '-1', '--format=%H %cs');
  // The first add, following renames: when the document was written.
  const firstAdd = await firstAdded(git, repo, head, path);
  // The first commit on the default branch's own line (merges, not the
  // branch commits they bring in) that has the file at this path.
  const [firstOnMain] = await line('log', '--first-parent', '--reverse', '--format=%H %as %cs');
  const [changedCommit, changed] = lastChange!.split(' ');
  const [addCommit, authorDate, addCommitDate] = (firstAdd ?? firstOnMain!).split(' ');
  const mergeDate = firstOnMain?.split(' ')[2] ?? addCommitDate!;
  const entry: LockFile = {
    repo,
    path,
    blob,
    commit: changedCommit!,
    added: { commit: addCommit!, authorDate: authorDate!, mergeDate },
    changed: changed!,
  };
  if (isMarkdownPath(path)) Object.assign(entry, outlineMarkdown(await git('cat-file', 'blob', blob)));
  return entry;
}

/**
 * "<commit> <author date> <commit date>" of the commit that first added the
 * file, walking back through renames one step at a time. Not `git log
 * --follow`: that also follows a file into whatever it was copied from (a
 * document started from the template would be dated by the template), and it
 * fails outright on a clone missing some large blobs.
 */
async function firstAdded(git: Git, repo: string, head: string, path: string): Promise<string | undefined> {
  let current = path;
  let from = head;
  for (let hops = 0; hops < 20; hops++) {
    const adds = (await git('log', '--diff-filter=A', '--format=%H %as %cs', from, '--', current)).split('\n').filter(Boolean);
    const add = adds[adds.length - 1];
    if (!add) return undefined;
    const commit = add.split(' ')[0]!;
    const previous = await renamedFrom(git, repo, commit, current);
    if (!previous) return add;
    current = previous;
    from = `${commit}^`;
  }
  return undefined;
}

/** The old path when `commit` renamed a file to `path` (git's default similarity), else undefined. */
async function renamedFrom(git: Git, repo: string, commit: string, path: string): Promise<string | undefined> {
  const statusOf = (similarity: string) => git('show', '--format=', '--name-status', '-z', similarity, commit);
  const out = await statusOf('-M').catch(async (error: Error) => {
    // A clone missing some large blobs cannot score similar files; exact renames need no contents.
    if (!/unable to read|missing/i.test(error.message)) throw error;
    console.error(`${repo}: ${path}: some objects are missing from the clone; following exact renames only`);
    return statusOf('-M100%');
  });
  const fields = out.split('\0').filter(Boolean);
  for (let i = 0; i < fields.length; i++) {
    const status = fields[i]!;
    if (status.startsWith('R')) {
      if (fields[i + 2] === path) return fields[i + 1];
      i += 2;
    } else if (status.startsWith('C')) i += 2;
    else i += 1;
  }
  return undefined;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
