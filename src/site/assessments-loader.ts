// The content loader for content/assessments/<slug>.mdx: frontmatter is
// validated by the collection schema (parseData), and the MDX body is rendered
// to HTML here as data (src/lib/narrative.ts) instead of being compiled into a
// JavaScript module per guide. Entries whose file, base path and renderer are
// unchanged keep their stored render, so a rebuild redoes only edited files
// (Astro keeps the store in node_modules/.astro between builds).
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { frontmatterData } from '../lib/frontmatter-yaml.ts';
import { highlight } from '../lib/highlight.ts';
import { renderNarrative, type RenderedNarrative } from '../lib/narrative.ts';
import { narrativeKey, takeNarrative } from '../lint/narrative-cache.ts';
import { lintVersion } from '../lint/cached-run.ts';
import { slugProblem, toSlug } from '../schema/slug.ts';

const CONTENT_FILE = /^[^_.][^/]*\.mdx$/;
/** A fingerprint of src/lib, src/lint and src/schema (the renderer and the schema live there). */
const rendererVersion = lintVersion();

/** Splits "---\nyaml\n---\nbody"; the content gate has already refused files without a closed block. */
function splitFrontmatter(text: string, file: string): { frontmatter: string; body: string } {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(source);
  if (!match) throw new Error(`${file}: the file must start with a frontmatter block between two lines of ---`);
  return { frontmatter: match[1]!, body: source.slice(match[0].length) };
}

export function assessmentsLoader({ dir }: { dir: string }): Loader {
  return {
    name: 'posture-assessments',
    load: async (context) => {
      const { config, store, watcher } = context;
      const root = fileURLToPath(config.root);
      const abs = resolve(root, dir);
      const names = (await readdir(abs)).filter((name) => CONTENT_FILE.test(name));
      const ids = await Promise.all(names.map((name) => loadFile(context, root, join(abs, name))));
      const present = new Set(ids);
      for (const id of store.keys()) if (!present.has(id)) store.delete(id);

      // `astro dev`: reload a file when it is saved, drop it when it is deleted.
      if (!watcher) return;
      watcher.add(abs);
      const inDir = (path: string) => resolve(path, '..') === abs && CONTENT_FILE.test(path.split(/[\\/]/).pop() ?? '');
      const reload = (path: string) => {
        if (inDir(path)) void loadFile(context, root, path).catch((error: unknown) => context.logger.error(String(error)));
      };
      watcher.on('change', reload);
      watcher.on('add', reload);
      watcher.on('unlink', (path) => {
        if (inDir(path)) store.delete(idOf(path, relative(root, path)));
      });
    },
  };
}

/** The file name is the URL: kept verbatim, and refused when it cannot be one. */
function idOf(path: string, shown: string): string {
  const id = (path.split(/[\\/]/).pop() ?? path).replace(/\.mdx$/, '');
  const problem = slugProblem(id);
  if (problem) throw new Error(`${shown}: ${problem} (rename it, e.g. to ${toSlug(id) || 'project-name'}.mdx)`);
  return id;
}

async function loadFile(context: LoaderContext, root: string, path: string): Promise<string> {
  const { store, config } = context;
  const filePath = relative(root, path);
  const id = idOf(path, filePath);
  const bytes = await readFile(path);
  // The renderer's own code is part of the key, so a change to it redoes every render.
  const key = narrativeKey(bytes, config.base, rendererVersion);
  if (store.get(id)?.digest === key) return id;
  // The build's lint pass has usually read and rendered the file already.
  const cached = takeNarrative(key);
  let raw: Record<string, unknown>;
  let rendered: RenderedNarrative;
  if (cached) {
    raw = cached.data;
    rendered = cached;
  } else {
    const split = splitFrontmatter(new TextDecoder().decode(bytes), filePath);
    // Read as the lint reads it, so `astro dev` and a build see the same data.
    raw = frontmatterData(split.frontmatter) as Record<string, unknown>;
    rendered = await renderNarrative(split.body, { base: config.base, highlight });
  }
  const data = await context.parseData({ id, data: raw, filePath });
  store.set({
    id,
    data,
    // No body: pages use the render, and the store is held in memory by every page render.
    filePath,
    digest: key,
    rendered: { html: rendered.html, metadata: { headings: rendered.headings, hasCode: rendered.hasCode } },
  });
  return id;
}
