// Plain tsc (and typed ESLint) cannot read .astro files; astro check can, and
// a resolved file always wins over this wildcard, so it only fills that gap.
/// <reference types="astro/client" />
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const Component: AstroComponentFactory;
  export default Component;
}
