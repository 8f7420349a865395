// The link checker CI runs over dist/: each kind of broken link it must catch.
import { describe, expect, it } from 'vitest';
import { findBrokenLinks, urlPathOf } from '../../src/lib/link-check.ts';

const page = (body: string) => `<!doctype html><html><body>${body}</body></html>`;
const site = (extra: Record<string, string>) =>
  new Map<string, string>([
    ['/', page('<a href="/projects/flux/">Flux</a>')],
    ['/projects/flux/', page('<h2 id="secure-usage-checklist">Checklist</h2><h3 id="verify-signatures">Verify</h3>')],
    ...Object.entries(extra),
  ]);
const reasons = (pages: Map<string, string>, ...rest: [Set<string>?, string?, string?]) =>
  findBrokenLinks(pages, ...rest).map((b) => `${b.page} ${b.href}: ${b.reason}`);

describe('findBrokenLinks', () => {
  it('passes a site whose links and anchors all resolve', () => {
    const pages = site({
      '/about/': page(
        '<a href="/projects/flux/#verify-signatures">item</a><a href="#top">top</a><p id="top"></p><a href="https://example.org/x">out</a><a href="mailto:a@b.c">mail</a>',
      ),
    });
    expect(reasons(pages, new Set(['/style.css']))).toEqual([]);
  });

  it('reports a missing page', () => {
    expect(reasons(site({ '/about/': page('<a href="/projects/nope/">x</a>') }))).toEqual(['/about/ /projects/nope/: no such page']);
  });

  it('reports a missing trailing slash as such', () => {
    expect(reasons(site({ '/about/': page('<a href="/projects/flux">x</a>') }))).toEqual([
      '/about/ /projects/flux: missing trailing slash',
    ]);
  });

  it('reports a missing anchor on another page and on the same page', () => {
    const pages = site({ '/about/': page('<a href="/projects/flux/#no-such-item">x</a><a href="#nowhere">y</a>') });
    expect(reasons(pages)).toEqual([
      '/about/ /projects/flux/#no-such-item: no element with id "no-such-item" on /projects/flux/',
      '/about/ #nowhere: no element with id "nowhere" on /about/',
    ]);
  });

  it('reports a link that escapes the base path of a project site', () => {
    const pages = new Map([
      [
        '/posture/',
        page('<a href="/posture/projects/flux/">ok</a><a href="/projects/flux/">escapes</a><a href="../../other/">up and out</a>'),
      ],
      ['/posture/projects/flux/', page('')],
    ]);
    expect(reasons(pages, new Set(), undefined, '/posture/')).toEqual([
      '/posture/ /projects/flux/: outside the base path /posture/',
      '/posture/ ../../other/: outside the base path /posture/',
    ]);
  });

  it('checks absolute links to the site itself, and reports a malformed escape instead of throwing', () => {
    const pages = site({ '/about/': page('<a href="https://posture.example/projects/gone/">x</a><a href="/projects/%E0%A4%A/">y</a>') });
    expect(reasons(pages, new Set(), 'https://posture.example')).toEqual([
      '/about/ https://posture.example/projects/gone/: no such page',
      '/about/ /projects/%E0%A4%A/: malformed %-escape in the path',
    ]);
  });

  it('maps dist file names to URL paths', () => {
    expect(urlPathOf('projects/flux/index.html')).toBe('/projects/flux/');
    expect(urlPathOf('404.html')).toBe('/404.html');
  });
});
