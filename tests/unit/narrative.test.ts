// The narrative renderer: what a contributor's MDX body becomes on the page,
// without Astro. Headings with ids and permalinks, links with the base path
// or marked as leaving the site, the Aside component, allowed inline HTML,
// highlighted fences, typographic quotes, and nothing that could run.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';
import { parseNarrative, renderNarrative } from '../../src/lib/narrative.ts';

const fakeHighlight = (code: string, lang: string) => Promise.resolve(`<pre class="shiki" data-lang="${lang}"><code>${code}</code></pre>`);
const render = (body: string, base = '/') => renderNarrative(body, { base, highlight: fakeHighlight });

describe('renderNarrative', () => {
  it('gives headings GitHub-style ids, lists them for the page index, and puts a permalink beside h2 and h3', async () => {
    const { html, headings } = await render('## Threat model\n\ntext\n\n### Threat model\n\n#### Details here\n');
    expect(headings).toEqual([
      { depth: 2, slug: 'threat-model', text: 'Threat model' },
      { depth: 3, slug: 'threat-model-1', text: 'Threat model' },
      { depth: 4, slug: 'details-here', text: 'Details here' },
    ]);
    expect(html).toContain(
      '<div class="anchored-heading"><h2 id="threat-model">Threat model</h2><a class="heading-anchor" data-pagefind-ignore href="#threat-model"><span aria-hidden="true">#</span><span class="visually-hidden">Link to the section “Threat model”</span></a></div>',
    );
    expect(html).toContain('<h4 id="details-here">Details here</h4>');
  });

  it('prefixes site paths with the base, and marks links that leave the site', async () => {
    const { html } = await render(
      'See [Flux](/projects/flux/), [below](#threats) and [docs](https://fluxcd.io/flux/security/).',
      '/posture/',
    );
    expect(html).toContain('<a href="/posture/projects/flux/">Flux</a>');
    expect(html).toContain('<a href="#threats">below</a>');
    expect(html).toContain(
      '<a href="https://fluxcd.io/flux/security/" class="external" rel="noopener noreferrer">docs<span class="visually-hidden" data-pagefind-ignore> (external site)</span></a>',
    );
  });

  it('links bare URLs and e-mail addresses (GFM), and curls quotes', async () => {
    const { html } = await render('Send reports to security@nats.io or see https://advisories.nats.io/. It\'s the project\'s "policy".');
    expect(html).toContain('<a href="mailto:security@nats.io">security@nats.io</a>');
    expect(html).toContain('<a href="https://advisories.nats.io/" class="external"');
    expect(html).toContain('It’s the project’s “policy”.');
    const more = await render("Criteria marked '?', **Harbor**'s \"docs\"... and `it's code`.");
    expect(more.html).toBe("<p>Criteria marked ‘?’, <strong>Harbor</strong>’s “docs”… and <code>it's code</code>.</p>");
  });

  it('renders <Aside> as a labelled note, with its title, and a caution as a warning', async () => {
    const note = await render('<Aside title="Volunteer draft">Both documents were drafted by volunteers.</Aside>');
    expect(note.html).toBe(
      '<aside class="callout" aria-label="Volunteer draft"><p class="callout__title">Volunteer draft</p><p>Both documents were drafted by volunteers.</p></aside>',
    );
    const caution = await render('<Aside type="caution">\n\nRead **this** first.\n\n</Aside>');
    expect(caution.html).toContain('<aside class="callout callout--warning" aria-label="Caution">');
    expect(caution.html).toContain('<p>Read <strong>this</strong> first.</p>');
  });

  it('keeps the allowed inline HTML and its literal attributes only', async () => {
    const { html } = await render('Press <kbd>Ctrl</kbd>, see <abbr title="Role-based access control" onclick="x">RBAC</abbr>.');
    expect(html).toContain('<kbd>Ctrl</kbd>');
    expect(html).toContain('<abbr title="Role-based access control">RBAC</abbr>');
    expect(html).not.toContain('onclick');
  });

  it('drops what the lint refuses, should it ever get this far: script, other components, expressions, imports, javascript: links', async () => {
    const { html } = await render(
      'import X from "./x.js"\n\nexport const y = 1\n\n<script>alert(1)</script>\n\n<Widget />\n\n{alert(1)}\n\n[click](javascript:alert(1))\n\nText {1 + 1} stays.',
    );
    expect(html).not.toMatch(/script|alert|import|export|Widget|javascript/i);
    expect(html).toContain('<a>click</a>');
    expect(html).toContain('<p>Text  stays.</p>');
  });

  it('highlights fenced code (``` and ~~~) with its language, and says the page has code', async () => {
    const plain = await render('No code here, only `inline`.');
    expect(plain.hasCode).toBe(false);
    const fenced = await render('```yaml\na: 1\n```\n\n~~~\nplain\n~~~\n');
    expect(fenced.hasCode).toBe(true);
    expect(fenced.html).toBe(
      '<pre class="shiki" data-lang="yaml"><code>a: 1</code></pre>\n<pre class="shiki" data-lang="text"><code>plain</code></pre>',
    );
  });

  it('renders GFM tables', async () => {
    const { html } = await render('| a | b |\n| - | - |\n| 1 | 2 |\n');
    expect(html).toContain('<table>');
    expect(html).toContain('<td>1</td>');
  });
});

describe('parseNarrative', () => {
  const dir = resolve(import.meta.dirname, '../../content/assessments');
  const bodies = readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => [name, readFileSync(resolve(dir, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')] as const);
  const full = (body: string) =>
    fromMarkdown(body, { extensions: [mdxjs(), gfm()], mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown()] });

  it.each(bodies)('reads %s exactly as the full MDX parser does', (_name, body) => {
    expect(parseNarrative(body)).toEqual(full(body));
  });

  it('keeps MDX’s rules on the quick path: indented text is a paragraph, not code', () => {
    expect(parseNarrative('Intro\n\n    indented text\n')).toEqual(full('Intro\n\n    indented text\n'));
    expect(parseNarrative('    indented text\n').children[0]!.type).toBe('paragraph');
  });
});
