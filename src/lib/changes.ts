// The /changes/ list: every document whose source changed upstream after its
// guide was checked, the most recent upstream change first.
import type { Drift } from './sources/drift.ts';

export interface ChangedSource extends Drift {
  slug: string;
  project: string;
}

export function changedSources(
  projects: ReadonlyArray<{ slug: string; data: { name: string }; drift: readonly Drift[] }>,
): ChangedSource[] {
  return projects
    .flatMap(({ slug, data, drift }) => drift.map((d) => ({ ...d, slug, project: data.name })))
    .sort(
      (a, b) =>
        b.changed.localeCompare(a.changed) || a.project.localeCompare(b.project) || a.documentSource.localeCompare(b.documentSource),
    );
}
