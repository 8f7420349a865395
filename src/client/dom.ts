// Small DOM helpers shared by the page scripts. Everything is built as
// elements and text nodes, never from HTML strings, so data shown in the page
// cannot become markup.

type Child = Node | string | null | undefined | false;

/** An element with attributes (a value of "" sets a boolean attribute) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

/** Says `message` to screen readers through the page's live region. */
export function announce(message: string): void {
  const region = document.querySelector('#announcer');
  if (region) region.textContent = message;
}

/** Saves `text` as a file named `name`, made in the browser (nothing is uploaded). */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: name, hidden: '' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copies text to the clipboard; false when the browser refuses. */
export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Frontmatter text as the guides show it: `backticks` become code, bare https URLs become links, the rest stays text. */
export function appendInline(parent: HTMLElement, text: string): void {
  for (const part of text.split(/(`[^`]+`)/)) {
    if (part.length > 2 && part.startsWith('`') && part.endsWith('`')) {
      parent.append(h('code', {}, part.slice(1, -1)));
      continue;
    }
    let last = 0;
    for (const match of part.matchAll(/https:\/\/[^\s<>"']+/g)) {
      const url = match[0].replace(/[.,;:!?)]+$/, '');
      parent.append(part.slice(last, match.index), h('a', { href: url, class: 'external', rel: 'noopener noreferrer' }, url));
      last = match.index + url.length;
    }
    parent.append(part.slice(last));
  }
}
