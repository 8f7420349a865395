// The JavaScript a built page runs when it loads: its inline module scripts,
// its external ones, and every chunk those import statically (a dynamic
// import() is not followed: it loads only when the page asks for it).
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { resolve } from 'node:path';

export interface LoadedScript {
  /** The asset path ("/_astro/x.js"), or "inline" for a script in the page. */
  path: string;
  text: string;
}

const STATIC_IMPORT = /\bimport\s*(?:[\w*{}\s,$]+\s*from\s*)?["']([^"']+)["']/g;

export function scriptsLoadedBy(html: string, dist: string): LoadedScript[] {
  const loaded: LoadedScript[] = [];
  const seen = new Set<string>();
  const follow = (text: string, from: string) => {
    for (const [, spec] of text.matchAll(STATIC_IMPORT)) {
      const path = spec!.startsWith('/') ? spec! : posix.join(posix.dirname(from), spec!);
      if (seen.has(path)) continue;
      seen.add(path);
      const body = readFileSync(resolve(dist, `.${path}`), 'utf8');
      loaded.push({ path, text: body });
      follow(body, path);
    }
  };
  for (const [tag, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\ssrc="([^"]+)"/.exec(tag)?.[1];
    if (src) {
      if (seen.has(src)) continue;
      seen.add(src);
      const text = readFileSync(resolve(dist, `.${src}`), 'utf8');
      loaded.push({ path: src, text });
      follow(text, src);
    } else if (!/type="application\/(ld\+)?json"/.test(tag)) {
      loaded.push({ path: 'inline', text: body! });
      follow(body!, '/');
    }
  }
  return loaded;
}
