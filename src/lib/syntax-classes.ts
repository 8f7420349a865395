// Shiki writes token colours as inline styles, which a strict CSP blocks.
// This transformer rewrites them into classes (sl-<hex> for the light theme,
// sd-<hex> for the dark one) and syntaxCss() emits the matching stylesheet
// from the themes' palettes, so highlighting needs no inline style at all.
import type { ShikiTransformer, ThemeRegistrationAny } from 'shiki';

export const LIGHT_THEME = 'github-light-default';
export const DARK_THEME = 'github-dark-default';

const HEX = /#[0-9a-fA-F]{3,8}\b/g;

function classFor(prefix: 'sl' | 'sd', color: string): string {
  return `${prefix}-${color.replace('#', '').toLowerCase()}`;
}

function parseStyle(style: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of style.split(';')) {
    const index = part.indexOf(':');
    if (index > 0) out[part.slice(0, index).trim()] = part.slice(index + 1).trim();
  }
  return out;
}

export const styleToClassTransformer: ShikiTransformer = {
  name: 'posture:style-to-class',
  pre(node) {
    delete node.properties.style;
    node.properties.class = 'code-block';
  },
  span(node) {
    const style = node.properties.style;
    if (typeof style !== 'string') return;
    const decl = parseStyle(style);
    const classes: string[] = [];
    const light = decl['--shiki-light'] ?? decl.color;
    const dark = decl['--shiki-dark'];
    if (light?.startsWith('#')) classes.push(classFor('sl', light));
    if (dark?.startsWith('#')) classes.push(classFor('sd', dark));
    if ((decl['--shiki-light-font-style'] ?? decl['font-style']) === 'italic') classes.push('s-italic');
    if ((decl['--shiki-light-font-weight'] ?? decl['font-weight']) === 'bold') classes.push('s-bold');
    delete node.properties.style;
    if (classes.length > 0) {
      const existing = node.properties.class;
      node.properties.class = [existing, ...classes].filter(Boolean).join(' ');
    }
  },
};

/** Every colour a theme can produce, so the stylesheet covers any token. */
export function themeColors(theme: ThemeRegistrationAny): string[] {
  const found = JSON.stringify(theme).match(HEX) ?? [];
  return [...new Set(found.map((c) => c.toLowerCase()))].sort();
}

export function syntaxCss(light: ThemeRegistrationAny, dark: ThemeRegistrationAny): string {
  const rules: string[] = ['.s-italic{font-style:italic}', '.s-bold{font-weight:bold}'];
  for (const color of themeColors(light)) rules.push(`.${classFor('sl', color)}{color:${color}}`);
  const darkRules = themeColors(dark).map((color) => `.${classFor('sd', color)}{color:${color}}`);
  rules.push(`@media (prefers-color-scheme: dark){${darkRules.join('')}}`);
  rules.push(`@media print{[class*="sl-"]{color:inherit}}`);
  return rules.join('\n');
}
