// A guide's narrative (the MDX body) rendered to HTML as data, once per file
// when the content layer loads it: parsed with the MDX and GFM syntaxes,
// typographic quotes applied, then written out with our own element rules.
// Nothing in a body is ever compiled or run, even what the lint would refuse:
// only the elements in src/schema/allowed-components.ts become HTML, and any
// other JSX, expression or import is dropped here as a second line of defence.
// Rendering here, not through @astrojs/mdx, also spares the build a JavaScript
// module per guide, and the content layer caches the result by file digest.
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString as hastText } from 'hast-util-to-string';
import type { Parent, Root, RootContent, Text } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { toHast, type Handler, type State } from 'mdast-util-to-hast';
import { gfm } from 'micromark-extension-gfm';
import { mdxMd } from 'micromark-extension-mdx-md';
import { mdxjs } from 'micromark-extension-mdxjs';
import { combineExtensions } from 'micromark-util-combine-extensions';
import { ALLOWED_COMPONENTS, ALLOWED_HTML, UNSAFE_URL } from '../schema/allowed-components.ts';
import { withBase } from './routes.ts';

export interface NarrativeHeading {
  depth: number;
  slug: string;
  text: string;
}

export interface RenderedNarrative {
  html: string;
  headings: NarrativeHeading[];
  /** Whether any fenced code was highlighted, so the page loads the syntax stylesheet. */
  hasCode: boolean;
}

export interface NarrativeOptions {
  /** The deploy base ("/" or "/posture/"), prefixed to site paths in links. */
  base: string;
  /** Highlights fenced code to HTML (src/lib/highlight.ts in the build). */
  highlight: (code: string, lang: string) => Promise<string>;
}

// The syntaxes, combined once. A body with no "<", no "{" and no line starting
// with import or export cannot hold JSX, an expression or ESM, so it is read with
// MDX's Markdown rules alone (no indented code, no HTML, no <autolinks>) and GFM:
// the same tree, without acorn, in about two thirds of the time.
const FULL = combineExtensions([mdxjs(), gfm()]);
const PLAIN = combineExtensions([mdxMd(), gfm()]);
const MDAST = [mdxFromMarkdown(), gfmFromMarkdown()];
const NEEDS_MDX = /[<{]|^[ \t]*(?:import|export)\b/m;

/** A body as mdast with positions: MDX and GFM, parsed as data and never compiled. Throws on a syntax error. */
export function parseNarrative(body: string): Root {
  return fromMarkdown(body, { extensions: [NEEDS_MDX.test(body) ? FULL : PLAIN], mdastExtensions: MDAST });
}

/**
 * Typographic quotes and ellipses in prose, as Astro's Markdown gives them:
 * ' and " open after a space or an opening bracket and close otherwise. Code
 * is left alone. (A small pass of our own: retext's took half the render.)
 */
function curlQuotes(tree: Root): void {
  let previous = ' ';
  const visit = (node: Parent | RootContent): void => {
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') {
      previous = 'x';
      return;
    }
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell' || node.type === 'listItem') previous = ' ';
    if (node.type === 'text') {
      const text = node as Text;
      text.value = text.value.replace(/\.\.\.|['"]/g, (mark, offset: number) => {
        const before = offset > 0 ? text.value[offset - 1]! : previous;
        if (mark === '...') return '…';
        const opening = /[\s([{\u2018\u201c\u2014\u2013-]/.test(before);
        return mark === "'" ? (opening ? '‘' : '’') : opening ? '“' : '”';
      });
      if (text.value.length > 0) previous = text.value[text.value.length - 1]!;
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
}

/** A paragraph holding nothing but components (an <Aside> written on one line) is not a paragraph, as in MDX. */
function unravelJsxParagraphs(parent: Root | Parent): void {
  parent.children = parent.children.flatMap((child): RootContent[] => {
    if (child.type === 'paragraph') {
      const jsx = child.children.filter((c) => c.type === 'mdxJsxTextElement');
      const rest = child.children.filter((c) => c.type !== 'mdxJsxTextElement');
      if (jsx.length > 0 && rest.every((c) => c.type === 'text' && c.value.trim() === ''))
        return jsx.map((c) => ({ ...c, type: 'mdxJsxFlowElement' }) as MdxJsxFlowElement);
    }
    if ('children' in child) unravelJsxParagraphs(child);
    return [child];
  });
}

const literalAttributes = (node: MdxJsxFlowElement | MdxJsxTextElement, allowed: Record<string, unknown>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const attribute of node.attributes) {
    // Only name="literal" attributes the element allows; expressions and spreads never render.
    if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string' && attribute.name in allowed)
      out[attribute.name] = attribute.value;
  }
  return out;
};

const jsxElement: Handler = (state: State, node: MdxJsxFlowElement | MdxJsxTextElement) => {
  const name = node.name ?? '';
  if (name === 'Aside' && ALLOWED_COMPONENTS.Aside) {
    const { type = 'note', title } = literalAttributes(node, ALLOWED_COMPONENTS.Aside.attributes);
    const children: ElementContent[] = [];
    if (title)
      children.push({
        type: 'element',
        tagName: 'p',
        properties: { className: ['callout__title'] },
        children: [{ type: 'text', value: title }],
      });
    // A one-line Aside (<Aside>text</Aside>) holds only phrasing content: give it a paragraph.
    const inner = state.all(node);
    children.push(...(inner.some((c) => c.type === 'element' && BLOCK.has(c.tagName)) ? inner : [p(inner)]));
    return {
      type: 'element',
      tagName: 'aside',
      properties: {
        className: type === 'caution' ? ['callout', 'callout--warning'] : ['callout'],
        ariaLabel: title ?? (type === 'caution' ? 'Caution' : 'Note'),
      },
      children,
    } satisfies Element;
  }
  const html = ALLOWED_HTML[name];
  if (html)
    return {
      type: 'element',
      tagName: name,
      properties: literalAttributes(node, html.attributes),
      children: state.all(node),
    };
  return undefined;
};

const BLOCK = new Set(['p', 'ul', 'ol', 'pre', 'table', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'aside', 'hr']);
const p = (children: ElementContent[]): Element => ({ type: 'element', tagName: 'p', properties: {}, children });
const dropped: Handler = () => undefined;

const HANDLERS: Record<string, Handler> = {
  mdxJsxFlowElement: jsxElement,
  mdxJsxTextElement: jsxElement,
  mdxFlowExpression: dropped,
  mdxTextExpression: dropped,
  mdxjsEsm: dropped,
};

const EXTERNAL_NOTE: ElementContent = {
  type: 'element',
  tagName: 'span',
  properties: { className: ['visually-hidden'], dataPagefindIgnore: true },
  children: [{ type: 'text', value: ' (external site)' }],
};

/** Links: site paths get the base; links that leave the site say so and send no referrer. */
function rewriteLink(element: Element, base: string): void {
  const href = String(element.properties.href ?? '');
  if (UNSAFE_URL.test(href)) delete element.properties.href;
  else if (href.startsWith('/')) element.properties.href = withBase(href, base);
  else if (/^https?:\/\//i.test(href)) {
    element.properties.className = ['external'];
    element.properties.rel = ['noopener', 'noreferrer'];
    element.children.push(structuredClone(EXTERNAL_NOTE));
  }
}

/** h2 and h3 get a permalink beside them (not inside, so search titles a section with its own words). */
function anchoredHeading(heading: Element, id: string): Element {
  const words = hastText(heading);
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['anchored-heading'] },
    children: [
      heading,
      {
        type: 'element',
        tagName: 'a',
        properties: { className: ['heading-anchor'], dataPagefindIgnore: true, href: `#${id}` },
        children: [
          { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
          {
            type: 'element',
            tagName: 'span',
            properties: { className: ['visually-hidden'] },
            children: [{ type: 'text', value: `Link to the section “${words}”` }],
          },
        ],
      },
    ],
  };
}

const isElement = (node: unknown): node is Element => (node as Element | undefined)?.type === 'element';
const HEADING = /^h([1-6])$/;

export function renderNarrative(body: string, options: NarrativeOptions): Promise<RenderedNarrative> {
  return renderNarrativeTree(parseNarrative(body), options);
}

/** Renders a body already parsed with the same syntaxes (the lint's tree: each file is parsed once per build). Changes the tree. */
export async function renderNarrativeTree(mdast: Root, options: NarrativeOptions): Promise<RenderedNarrative> {
  unravelJsxParagraphs(mdast);
  curlQuotes(mdast);
  const tree = toHast(mdast, { handlers: HANDLERS }) as HastRoot;
  const slugger = new GithubSlugger();
  const headings: NarrativeHeading[] = [];
  let hasCode = false;
  const pending: Array<Promise<void>> = [];

  const walk = (parent: HastRoot | Element): void => {
    parent.children = parent.children.map((child) => {
      if (!isElement(child)) return child;
      const heading = HEADING.exec(child.tagName);
      if (heading) {
        const text = hastText(child);
        const slug = slugger.slug(text);
        child.properties.id = slug;
        const depth = Number(heading[1]);
        headings.push({ depth, slug, text });
        walk(child);
        return depth === 2 || depth === 3 ? anchoredHeading(child, slug) : child;
      }
      if (child.tagName === 'a') rewriteLink(child, options.base);
      const code = child.tagName === 'pre' ? child.children.find(isElement) : undefined;
      if (code?.tagName === 'code') {
        hasCode = true;
        const classes = code.properties.className ?? [];
        const lang = classes.find((c) => c.startsWith('language-'))?.slice('language-'.length) ?? 'text';
        const holder: Element = { type: 'element', tagName: 'div', properties: { className: ['code-block-holder'] }, children: [] };
        pending.push(
          options.highlight(hastText(code).replace(/\n$/, ''), lang).then((html) => {
            holder.children = [{ type: 'raw', value: html } as unknown as ElementContent];
          }),
        );
        return holder;
      }
      walk(child);
      return child;
    });
  };
  walk(tree);
  await Promise.all(pending);
  // The holders only carried the highlighted HTML into place.
  const html = toHtml(tree, { allowDangerousHtml: true, characterReferences: { useNamedReferences: true } }).replace(
    /<div class="code-block-holder">([\s\S]*?<\/pre>)<\/div>/g,
    '$1',
  );
  return { html, headings, hasCode };
}
