// Slugs: the file names of content (and so project URLs), checklist ids and
// heading ids. One rule, used by the schema, the loader, the lint and the
// scaffold, so `npm run new` and the build can never disagree.

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MIN_LENGTH = 2;
export const SLUG_MAX_LENGTH = 60;

/** Why a slug is unusable, or undefined when it is fine. */
export function slugProblem(slug: string): string | undefined {
  if (slug.length === 0) return 'the slug is empty';
  if (slug.length < SLUG_MIN_LENGTH || slug.length > SLUG_MAX_LENGTH) {
    return `the slug must be ${SLUG_MIN_LENGTH} to ${SLUG_MAX_LENGTH} characters long (it has ${slug.length})`;
  }
  if (!SLUG_PATTERN.test(slug)) {
    return 'the slug must be lowercase kebab-case: letters a-z, digits and single hyphens, not starting or ending with a hyphen';
  }
  return undefined;
}

/** Lowercase kebab-case from any text ("SPIFFE / SPIRE" -> "spiffe-spire"); empty when the text has no letters or digits. */
export function toSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, '');
}
