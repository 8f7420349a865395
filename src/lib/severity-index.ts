// The cross-project pages /checklists/critical/ and /checklists/high/: every
// item of one severity, grouped by project (A to Z), each project with the
// age of the guide the items come from.
import type { ChecklistItem } from '../schema/assessment.ts';
import type { Severity } from '../schema/enums.ts';
import { sortByName } from './catalog.ts';
import type { ProjectStatus, Age } from './status.ts';

export interface SeverityGroup {
  slug: string;
  name: string;
  age: Age;
  /** In the author's order, as on the guide. */
  items: ChecklistItem[];
}

export function severityGroups(
  projects: ReadonlyArray<{ slug: string; data: { name: string; checklist: readonly ChecklistItem[] }; status: ProjectStatus }>,
  severity: Severity,
): SeverityGroup[] {
  const groups = projects.flatMap(({ slug, data, status }) => {
    const items = data.checklist.filter((item) => item.severity === severity);
    return items.length > 0 && status.age ? [{ slug, name: data.name, age: status.age, items }] : [];
  });
  return sortByName(groups);
}
