// What a contributor's MDX may contain beyond Markdown. Everything not listed
// here is rejected by the lint and by the build, so content cannot run code.

export interface AllowedElement {
  /** Attributes the element accepts; values must be plain string literals. */
  attributes: Record<string, readonly string[] | 'text'>;
  description: string;
}

/** The site's own components, rendered by src/components/mdx/. */
export const ALLOWED_COMPONENTS: Record<string, AllowedElement> = {
  Aside: {
    attributes: { type: ['note', 'caution'], title: 'text' },
    description: 'A boxed note beside the narrative: `<Aside type="caution" title="Not reviewed">...</Aside>`.',
  },
};

/** Inline HTML that carries meaning Markdown lacks, and nothing that can load or run anything. */
export const ALLOWED_HTML: Record<string, AllowedElement> = {
  abbr: { attributes: { title: 'text' }, description: 'an abbreviation with its expansion in title' },
  kbd: { attributes: {}, description: 'a key or keyboard input' },
  sub: { attributes: {}, description: 'subscript' },
  sup: { attributes: {}, description: 'superscript' },
  br: { attributes: {}, description: 'a line break' },
  mark: { attributes: {}, description: 'highlighted text' },
};

/** Elements that get a dedicated message because they are how attacks are written. */
export const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'style',
  'form',
  'link',
  'meta',
  'base',
  'frame',
  'frameset',
  'svg',
  'math',
  'input',
  'button',
  'textarea',
  'select',
  'img',
  'video',
  'audio',
  'source',
  'template',
  'portal',
  'applet',
]);

export const UNSAFE_URL = /^\s*(javascript|data|vbscript|file):/i;
