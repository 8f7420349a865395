// `npm run sources:sync` against a small git repository built here, with
// fixed dates: a rename, a merge of a side branch, duplicate and punctuated
// headings, and a fenced `#` line that is not a heading. Checked field by
// field, and twice for byte-identical output.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../scripts/sources-sync.ts';
import { parseLock, type LockFile, type SourceLock } from '../../src/lib/sources/lock.ts';

const SELF = 'community/projects/demo/self-assessment.md';
const JOINT = 'community/projects/demo/joint assessment.md';
const PDF = 'community/projects/demo/report.pdf';
const KEY = (path: string) => `cncf/tag-security/${path}`;

const SELF_TEXT = `---
title: Demo
---
# Demo Self-Assessment

Intro text with \`inline-code\` and --global-flag.

## Security

Set \`--tls-cert-file\` and see [the docs](https://example.org/docs/).

\`\`\`yaml
# not a heading
key: value
\`\`\`

### Transport *Security* & TLS

Use v1.2.3 and camelCaseSetting, in /etc/demo/config.yaml.

## Security

The same heading again.

Setext Heading
--------------

Plain words only here.

## What's \`new\`? (v2.0)
### [Linked](https://x.org) heading <img src="x.png"> with <b>html</b>
`;

let tmp: string;
let upstream: string;
let root: string;
let lock: SourceLock;
const commits: Record<string, string> = {};

function git(args: string[], date?: { author: string; committer?: string | undefined }): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd: upstream,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Ada',
      GIT_AUTHOR_EMAIL: 'ada@example.org',
      GIT_COMMITTER_NAME: 'Bo',
      GIT_COMMITTER_EMAIL: 'bo@example.org',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      ...(date ? { GIT_AUTHOR_DATE: `${date.author}T12:00:00Z`, GIT_COMMITTER_DATE: `${date.committer ?? date.author}T12:00:00Z` } : {}),
    },
  }).trim();
}

function write(path: string, text: string | Uint8Array): void {
  mkdirSync(dirname(join(upstream, path)), { recursive: true });
  writeFileSync(join(upstream, path), text);
}

function commit(name: string, message: string, author: string, committer?: string): void {
  git(['add', '-A']);
  git(['commit', '-q', '-m', message], { author, committer });
  commits[name] = git(['rev-parse', 'HEAD']);
}

function file(path: string): LockFile {
  const entry = lock.files[KEY(path)];
  expect(entry, `${path} in the lock`).toBeDefined();
  return entry!;
}

async function sync(...extra: string[]): Promise<number> {
  return main(['--root', root, '--repo', `tag-security=${upstream}`, ...extra]);
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'posture-sync-'));
  upstream = join(tmp, 'tag-security');
  root = join(tmp, 'site');
  mkdirSync(upstream);
  mkdirSync(join(root, 'content/assessments'), { recursive: true });
  git(['init', '-q']);

  // Written under an old name, then moved to where the guide links it.
  write('assessments/demo.md', SELF_TEXT);
  write('README.md', '# Readme\n');
  commit('added', 'Add the demo self-assessment', '2021-01-10');
  mkdirSync(dirname(join(upstream, SELF)), { recursive: true });
  git(['mv', 'assessments/demo.md', SELF]);
  write(PDF, new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x0a, 0xff, 0x00, 0x01]));
  commit('moved', 'Move assessments under community/', '2021-03-05');

  // A side branch adds the joint assessment; main merges it later.
  git(['checkout', '-q', '-b', 'joint']);
  write(JOINT, '# Joint\n\n## Findings\n\nFix `--insecure`.\n');
  commit('jointAdded', 'Draft the joint assessment', '2021-04-01', '2021-04-02');
  write(JOINT, '# Joint\n\n## Findings\n\nFix `--insecure` now.\n');
  commit('jointEdited', 'Edit the joint assessment', '2021-04-10');
  git(['checkout', '-q', 'main']);
  write(SELF, `${SELF_TEXT}\nA late addition.\n`);
  commit('selfEdited', 'Edit the self-assessment', '2021-04-05');
  git(['merge', '-q', '--no-ff', '-m', 'Merge the joint assessment', 'joint'], { author: '2021-05-01' });
  commits.merge = git(['rev-parse', 'HEAD']);
  write('README.md', '# Readme\n\nMore.\n');
  commit('head', 'Unrelated change', '2021-06-01');

  // Links name other refs, anchors, queries and an encoded space: the lock reads HEAD whatever they say.
  writeFileSync(
    join(root, 'content/assessments/demo.mdx'),
    `---
documents:
  - source: https://github.com/cncf/tag-security/blob/main/${SELF}
  - source: https://github.com/cncf/tag-security/blob/v0.1/${JOINT.replace(' ', '%20')}?plain=1#findings
---
See [the report](https://github.com/cncf/tag-security/blob/main/${PDF}),
[the folder](https://github.com/cncf/tag-security/tree/main/community/projects/demo/) and
[a section](https://github.com/cncf/tag-security/blob/${commits.added}/${SELF}#security).
A [moved file](https://github.com/cncf/tag-security/blob/main/assessments/demo.md) is gone.
`,
  );
  const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'log').mockImplementation(() => {});
  expect(await sync()).toBe(0);
  expect(stderr.mock.calls.flat().join('\n')).toMatch(/assessments\/demo\.md is not at HEAD/);
  vi.restoreAllMocks();
  lock = parseLock(readFileSync(join(root, 'content/sources.lock.json'), 'utf8'));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('sources:sync', () => {
  it('records the repository head and only files that exist there', () => {
    expect(lock.version).toBe(1);
    expect(lock.repos).toEqual({ 'cncf/tag-security': { commit: commits.head, date: '2021-06-01' } });
    expect(Object.keys(lock.files)).toEqual([KEY(JOINT), KEY(PDF), KEY(SELF)]);
    expect(lock.dirs).toEqual(['cncf/tag-security/community/projects/demo']);
  });

  it('dates a renamed file by its first add, and its arrival at this path on main', () => {
    const self = file(SELF);
    expect(self.blob).toBe(git(['rev-parse', `HEAD:${SELF}`]));
    expect(self.commit).toBe(commits.selfEdited);
    expect(self.changed).toBe('2021-04-05');
    expect(self.added).toEqual({ commit: commits.added, authorDate: '2021-01-10', mergeDate: '2021-03-05' });
  });

  it('dates a file from a merged branch by its authored add and by the merge', () => {
    const joint = file(JOINT);
    expect(joint.added).toEqual({ commit: commits.jointAdded, authorDate: '2021-04-01', mergeDate: '2021-05-01' });
    expect(joint.commit).toBe(commits.jointEdited);
    expect(joint.changed).toBe('2021-04-10');
    expect(joint.headings).toEqual([
      { anchor: 'joint', depth: 1 },
      { anchor: 'findings', depth: 2 },
    ]);
    expect(joint.sections?.findings?.literals).toEqual(['--insecure']);
  });

  it('gives GitHub anchors: punctuation and markup stripped, duplicates numbered, fenced # ignored', () => {
    expect(file(SELF).headings).toEqual([
      { anchor: 'demo-self-assessment', depth: 1 },
      { anchor: 'security', depth: 2 },
      { anchor: 'transport-security--tls', depth: 3 },
      { anchor: 'security-1', depth: 2 },
      { anchor: 'setext-heading', depth: 2 },
      { anchor: 'whats-new-v20', depth: 2 },
      { anchor: 'linked-heading--with-html', depth: 3 },
    ]);
  });

  it('keeps literal tokens per section, sub-sections included, and no prose', () => {
    const sections = file(SELF).sections!;
    expect(Object.keys(sections).sort()).toEqual([
      '',
      'demo-self-assessment',
      'linked-heading--with-html',
      'security',
      'security-1',
      'setext-heading',
      'transport-security--tls',
      'whats-new-v20',
    ]);
    expect(sections['transport-security--tls']!.literals).toEqual(['/etc/demo/config.yaml', 'camelCaseSetting', 'v1.2.3']);
    expect(sections.security!.literals).toEqual([
      '#',
      '--tls-cert-file',
      '/etc/demo/config.yaml',
      'a',
      'camelCaseSetting',
      'heading',
      'https://example.org/docs/',
      'key:',
      'not',
      'v1.2.3',
      'value',
    ]);
    expect(sections['setext-heading']!.literals).toEqual([]);
    expect(sections['whats-new-v20']!.literals).toEqual(['https://x.org', 'new', 'v2.0', 'x.png']);
    expect(sections['demo-self-assessment']!.literals).toContain('--global-flag');
    expect(sections['demo-self-assessment']!.literals).toContain('inline-code');
    expect(JSON.stringify(lock)).not.toMatch(/Intro text|same heading again|Plain words/);
  });

  it('hashes each section from its normalised text', () => {
    const text = '### Transport *Security* & TLS\n\nUse v1.2.3 and camelCaseSetting, in /etc/demo/config.yaml.';
    expect(file(SELF).sections!['transport-security--tls']!.hash).toBe(`sha256-${createHash('sha256').update(text).digest('hex')}`);
  });

  it('records no headings or sections for a file that is not Markdown', () => {
    const pdf = file(PDF);
    expect(pdf.headings).toBeUndefined();
    expect(pdf.sections).toBeUndefined();
    expect(pdf.added.authorDate).toBe('2021-03-05');
  });

  it('writes the same bytes from the same input, and --check agrees', async () => {
    const path = join(root, 'content/sources.lock.json');
    const first = readFileSync(path);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'log').mockImplementation(() => {});
    rmSync(path);
    expect(await sync()).toBe(0);
    expect(readFileSync(path).equals(first)).toBe(true);
    expect(first.toString('utf8').endsWith('}\n')).toBe(true);
    expect(await sync('--check')).toBe(0);
    writeFileSync(path, '{}\n');
    expect(await sync('--check')).toBe(1);
    vi.restoreAllMocks();
  });

  it('refuses to run without a clone of a linked repository', async () => {
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await main(['--root', root])).toBe(2);
    expect(stderr.mock.calls.flat().join('\n')).toMatch(/links cncf\/tag-security, but no clone was given/);
    vi.restoreAllMocks();
  });
});
