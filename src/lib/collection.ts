// Loads the collection once per build and hands pages plain project entries.
import { getCollection } from 'astro:content';
import type { ProjectEntry } from './catalog.ts';

export async function loadProjects(): Promise<ProjectEntry[]> {
  const entries = await getCollection('assessments');
  return entries.map((entry) => ({ slug: entry.id, data: { ...entry.data, related: entry.data.related.map((ref) => ref.id) } }));
}
