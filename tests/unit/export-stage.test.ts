// Staged export files: written once per key, linked into the output, and
// pruned when no content file has that key any more.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  exportKey,
  exportStageDir,
  isStaged,
  pruneExports,
  publishExports,
  STAGE_KEEP_MS,
  stageExports,
} from '../../src/lint/export-stage.ts';

const made: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'posture-stage-'));
  made.push(dir);
  return dir;
}
afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const FILES = [
  { path: 'projects/flux.json', body: '{"name":"Flux"}\n' },
  { path: 'projects/flux/checklist.md', body: '# Flux\n' },
];

describe('export staging', () => {
  it('keys a file’s exports by its bytes, the build context and the site root', () => {
    const bytes = new TextEncoder().encode('---\nname: Flux\n---\n');
    const key = exportKey(bytes, 'context', 'https://posture.example/');
    expect(exportKey(bytes, 'context', 'https://posture.example/')).toBe(key);
    expect(exportKey(new TextEncoder().encode('---\nname: Flux!\n---\n'), 'context', 'https://posture.example/')).not.toBe(key);
    expect(exportKey(bytes, 'another day', 'https://posture.example/')).not.toBe(key);
    expect(exportKey(bytes, 'context', 'https://owner.github.io/posture/')).not.toBe(key);
  });

  it('stages whole folders only, and publishes them into the output as the files themselves', () => {
    const root = scratch();
    const out = join(root, 'dist');
    mkdirSync(join(out, 'projects/flux'), { recursive: true });
    writeFileSync(join(out, 'projects/flux/index.html'), '<h1>Flux</h1>');
    expect(isStaged(root, 'k1')).toBe(false);
    stageExports(root, 'k1', FILES);
    expect(isStaged(root, 'k1')).toBe(true);
    // No temporary folder is left behind.
    expect(readdirSync(exportStageDir(root))).toEqual(['k1']);
    expect(publishExports(root, ['k1'], out)).toBe(2);
    expect(readFileSync(join(out, 'projects/flux/checklist.md'), 'utf8')).toBe('# Flux\n');
    expect(readFileSync(join(out, 'projects/flux.json'), 'utf8')).toBe('{"name":"Flux"}\n');
    // Linked, not copied: the staged file and the published one are one file.
    const staged = join(exportStageDir(root), 'k1');
    expect(readdirSync(staged).map((name) => statSync(join(staged, name)).ino)).toContain(statSync(join(out, 'projects/flux.json')).ino);
    // The guide Astro wrote beside them is untouched.
    expect(readFileSync(join(out, 'projects/flux/index.html'), 'utf8')).toBe('<h1>Flux</h1>');
  });

  it('does not rewrite a staged key, and fails a build whose key was never staged', () => {
    const root = scratch();
    stageExports(root, 'k1', FILES);
    stageExports(root, 'k1', [{ path: 'projects/flux.json', body: 'changed' }]);
    publishExports(root, ['k1'], join(root, 'dist-check'));
    expect(readFileSync(join(root, 'dist-check', 'projects/flux.json'), 'utf8')).toBe('{"name":"Flux"}\n');
    expect(() => publishExports(root, ['missing'], join(root, 'dist'))).toThrow(/ENOENT/);
  });

  it('prunes keys no build has used for an hour, and keeps those another build may be using', () => {
    const root = scratch();
    stageExports(root, 'old', FILES);
    stageExports(root, 'elsewhere', FILES);
    stageExports(root, 'mine', FILES);
    const hourAgo = new Date(Date.now() - STAGE_KEEP_MS - 1000);
    utimesSync(join(exportStageDir(root), 'old'), hourAgo, hourAgo);
    utimesSync(join(exportStageDir(root), 'mine'), hourAgo, hourAgo);
    pruneExports(root, new Set(['mine']));
    expect(existsSync(join(exportStageDir(root), 'old'))).toBe(false);
    expect(isStaged(root, 'elsewhere')).toBe(true);
    expect(isStaged(root, 'mine')).toBe(true);
    // Finding a staged key marks it as in use.
    expect(Date.now() - statSync(join(exportStageDir(root), 'mine')).mtimeMs).toBeLessThan(STAGE_KEEP_MS);
  });
});
