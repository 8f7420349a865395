// The components MDX content may use (see src/lint/allowed-components.ts)
// plus the element overrides applied to every narrative.
import Aside from './Aside.astro';
import Link from './Link.astro';
import H2 from './H2.astro';
import H3 from './H3.astro';

export const mdxComponents = { Aside, a: Link, h2: H2, h3: H3 };
