// What /feed.xml announces: each assessment document (added, or revised),
// each guide's latest check against its sources, and each source that changed
// upstream after its guide was checked. IDs are tag: URIs that depend only on
// the site's host and base path and on what the entry is about, so they stay
// the same from one build to the next.
import type { Assessment } from '../schema/assessment.ts';
import { parseIsoDate } from '../schema/iso-date.ts';
import type { AtomEntry, AtomFeed } from './atom.ts';
import { formatDate, toIsoDate } from './dates.ts';
import { sourceLabel } from './inline.ts';
import { KIND_LABELS, STAGE_LABELS } from './labels.ts';
import { projectPath } from './routes.ts';
import type { Drift } from './sources/drift.ts';

export interface FeedProject {
  slug: string;
  data: Pick<Assessment, 'name' | 'documents'>;
  drift: readonly Drift[];
}

/** The year in tag: URIs (RFC 4151): any date on which the site's owner held its host name; fixed forever once published. */
const TAG_YEAR = '2026';

/** "tag:posture.example,2026:" plus the base path ("posture/" on a project site) and `specific`. */
export function tagUri(siteBase: string, specific: string): string {
  const { hostname, pathname } = new URL(siteBase);
  return `tag:${hostname},${TAG_YEAR}:${pathname.slice(1)}${specific}`;
}

function documentEntries({ slug, data }: FeedProject, siteBase: string, url: string): AtomEntry[] {
  const seen = new Map<string, number>();
  return data.documents.map((doc) => {
    // A document is known by its kind and original date, which a revision does not change.
    const key = `${doc.kind}/${toIsoDate(doc.date)}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const name = doc.title ?? KIND_LABELS[doc.kind].toLowerCase();
    const dated = formatDate(doc.date, doc.datePrecision);
    return {
      id: tagUri(siteBase, `projects/${slug}/documents/${key}${n > 1 ? `/${n}` : ''}`),
      title: `${data.name}: ${name} ${doc.revised ? 'revised' : 'added'}`,
      updated: doc.revised ?? doc.date,
      published: doc.date,
      link: url,
      related: [doc.source],
      category: 'document',
      summary: [
        `${KIND_LABELS[doc.kind]} of ${data.name}, dated ${dated}${doc.revised ? ` and revised ${formatDate(doc.revised)}` : ''}.`,
        `Stage: ${STAGE_LABELS[doc.stage].toLowerCase()}.`,
        doc.volunteerDrafted ? 'Drafted by community volunteers, not reviewed by the maintainers.' : '',
      ]
        .filter(Boolean)
        .join(' '),
    };
  });
}

function checkedEntry({ slug, data }: FeedProject, siteBase: string, url: string): AtomEntry | undefined {
  if (data.documents.length === 0) return undefined;
  const checked = new Date(Math.max(...data.documents.map((doc) => doc.checked.date.getTime())));
  return {
    id: tagUri(siteBase, `projects/${slug}/checked/${toIsoDate(checked)}`),
    title: `${data.name}: guide checked against its sources`,
    updated: checked,
    link: url,
    category: 'checked',
    summary: `The ${data.name} guide was checked against its upstream assessment documents on ${formatDate(checked)}.`,
  };
}

function driftEntries({ slug, data, drift }: FeedProject, siteBase: string, url: string): AtomEntry[] {
  return drift.map((d) => ({
    // One entry per upstream version: a later change is a new entry.
    id: tagUri(siteBase, `projects/${slug}/changed-upstream/${d.lockBlob}`),
    title: `${data.name}: source changed upstream`,
    updated: parseIsoDate(d.changed) ?? new Date(0),
    link: url,
    related: [d.historyUrl],
    category: 'changed-upstream',
    summary: `${sourceLabel(d.documentSource)} changed upstream on ${formatDate(parseIsoDate(d.changed)!)}, after the ${data.name} guide was checked against it on ${formatDate(parseIsoDate(d.checkedDate)!)}. Parts of the guide may be out of date.`,
  }));
}

/** Every entry of the feed, in no particular order (the writer sorts them). */
export function feedEntries(projects: readonly FeedProject[], siteBase: string): AtomEntry[] {
  return projects.flatMap((project) => {
    const url = new URL(projectPath(project.slug).slice(1), siteBase).href;
    const checked = checkedEntry(project, siteBase, url);
    return [...documentEntries(project, siteBase, url), ...(checked ? [checked] : []), ...driftEntries(project, siteBase, url)];
  });
}

export function postureFeed(projects: readonly FeedProject[], siteBase: string, now: Date): AtomFeed {
  return {
    id: tagUri(siteBase, 'feed'),
    title: 'Posture: assessments and guide updates',
    subtitle:
      'New and revised security assessments of cloud native projects, guides re-checked against their sources, and sources that changed upstream.',
    self: new URL('feed.xml', siteBase).href,
    alternate: siteBase,
    author: 'Posture',
    entries: feedEntries(projects, siteBase),
    emptyUpdated: now,
  };
}
