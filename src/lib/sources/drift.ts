// Drift: an assessment document that changed upstream after a guide was
// checked against it. One function, used by the lint (as a warning) and by
// pages (to tell readers which guides may lag their source).
import { toIsoDate } from '../../schema/iso-date.ts';
import { historyUrl, lockedFile, type SourceLock } from './lock.ts';
import { parseUpstreamUrl } from './upstream-url.ts';

export interface DocumentLike {
  source: string;
  checked: { blob?: string | undefined; date: Date };
}

export interface Drift {
  /** Index in `documents`, for pointing at the entry. */
  index: number;
  documentSource: string;
  /** YYYY-MM-DD: the day the guide was last checked against the source. */
  checkedDate: string;
  checkedBlob: string;
  lockBlob: string;
  /** YYYY-MM-DD of the last upstream change. */
  changed: string;
  historyUrl: string;
}

/**
 * Documents whose `checked.blob` differs from the blob in the lock. A
 * document without `checked.blob`, or whose source the lock does not know,
 * has no drift to report (other rules flag those).
 */
export function driftOf(data: { documents: readonly DocumentLike[] }, lock: SourceLock): Drift[] {
  const drifts: Drift[] = [];
  data.documents.forEach((doc, index) => {
    const url = parseUpstreamUrl(doc.source);
    const file = url && lockedFile(lock, url);
    const checkedBlob = doc.checked.blob;
    if (!file || checkedBlob === undefined || checkedBlob === file.blob) return;
    drifts.push({
      index,
      documentSource: doc.source,
      checkedDate: toIsoDate(doc.checked.date),
      checkedBlob,
      lockBlob: file.blob,
      changed: file.changed,
      historyUrl: historyUrl(file),
    });
  });
  return drifts;
}
