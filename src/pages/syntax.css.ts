// The stylesheet for highlighted code: one class per theme colour, so code
// needs no inline styles (which the CSP forbids).
import { bundledThemes } from 'shiki';
import { DARK_THEME, LIGHT_THEME, syntaxCss } from '../lib/syntax-classes.ts';

export async function GET(): Promise<Response> {
  const [light, dark] = await Promise.all([bundledThemes[LIGHT_THEME](), bundledThemes[DARK_THEME]()]);
  return new Response(syntaxCss(light.default, dark.default), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
}
