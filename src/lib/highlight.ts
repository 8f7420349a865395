// Highlights code that lives in frontmatter (checklist snippets) with the
// same themes and class transformer as Markdown code blocks.
import { createHighlighter, type Highlighter } from 'shiki';
import { DARK_THEME, LIGHT_THEME, styleToClassTransformer } from './syntax-classes.ts';
import type { SnippetLang } from '../schema/enums.ts';

// Shiki bundles no Rego grammar; those snippets are shown as plain text.
const LANG_FOR: Partial<Record<SnippetLang, string>> = { rego: 'text' };

let highlighter: Promise<Highlighter> | undefined;

function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({
    themes: [LIGHT_THEME, DARK_THEME],
    langs: ['yaml', 'bash', 'shell', 'console', 'json', 'toml', 'ini', 'dockerfile', 'hcl', 'go', 'nginx', 'sql', 'python'],
  });
  return highlighter;
}

export async function highlight(code: string, lang: SnippetLang): Promise<string> {
  const shiki = await getHighlighter();
  return shiki.codeToHtml(code, {
    lang: LANG_FOR[lang] ?? lang,
    themes: { light: LIGHT_THEME, dark: DARK_THEME },
    defaultColor: false,
    transformers: [styleToClassTransformer],
  });
}
