// Loads the collection once per build and hands pages plain project entries,
// each with its status (newest document, age, trust) computed at the build's now.
import { getCollection } from 'astro:content';
import type { ProjectEntry } from '../lib/catalog.ts';
import { projectStatus, type ProjectStatus } from '../lib/status.ts';
import type { AssessmentDocument } from '../schema/assessment.ts';
import type { Drift } from '../lib/sources/drift.ts';
import { driftFor } from './lock.ts';
import { BUILD_NOW } from './now.ts';

export interface Project extends ProjectEntry {
  status: ProjectStatus<AssessmentDocument>;
  /** Documents whose source changed upstream since the guide was checked. */
  drift: Drift[];
}

let loaded: Promise<Project[]> | undefined;

/** One load per build; `astro dev` reloads every time so edits show. */
export function loadProjects(): Promise<Project[]> {
  if (loaded && import.meta.env.PROD) return loaded;
  loaded = getCollection('assessments').then((entries) =>
    entries.map((entry) => {
      const data = { ...entry.data, related: entry.data.related.map((ref) => ref.id) };
      return { slug: entry.id, data, status: projectStatus(data.documents, BUILD_NOW), drift: driftFor(data) };
    }),
  );
  return loaded;
}
