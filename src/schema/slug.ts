// Slugs: the file names of content (and so project URLs) and heading ids.
// No zod or Astro import, so the scaffold and pages share it with the schema.

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 60;

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
