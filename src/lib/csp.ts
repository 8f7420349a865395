// The Content-Security-Policy every page carries in a <meta> tag. No page has
// an inline script, inline style or style attribute (a build test checks), so
// scripts and styles come from the site's own files and nothing else: no
// hashes to list. Astro's hash-based policy listed nine on every page, five of
// them for island loaders this site never uses, about 400 bytes gzipped each.

export interface CspOptions {
  /** Pagefind's search: WebAssembly, and its worker started from a blob. */
  search?: boolean;
}

export function contentSecurityPolicy({ search = false }: CspOptions = {}): string {
  return [
    "default-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    search ? "script-src 'self' 'wasm-unsafe-eval'" : "script-src 'self'",
    ...(search ? ["worker-src 'self' blob:"] : []),
    "style-src 'self'",
  ].join('; ');
}
