// Provenance rules, checked offline against the source lock
// (content/sources.lock.json): every link into cncf/tag-security or cncf/toc
// names a file and heading that exist upstream, the literals a checklist item
// quotes occur in the section it cites, repository-history dates match git,
// and each document says which upstream version it was checked against.
import { toIsoDate } from '../../lib/dates.ts';
import { closest } from '../../lib/sources/closest.ts';
import { driftOf } from '../../lib/sources/drift.ts';
import { guideLiterals, occursIn } from '../../lib/sources/literals.ts';
import { documentLiterals, isLockedDir, lockedFile, type LockFile, type SourceLock } from '../../lib/sources/lock.ts';
import { findUpstreamUrls, isTextFragment, parseUpstreamUrl } from '../../lib/sources/upstream-url.ts';
import type { Assessment } from '../../schema/assessment.ts';
import { frontmatterPosition, type ContentFile } from '../source.ts';
import type { Problem } from '../problem.ts';

const SYNC = 'npm run sources:sync -- --repo tag-security=DIR --repo toc=DIR';

/** What was verified, for `npm run provenance`; the lint only reads the problems. */
export interface ProvenanceTally {
  links: number;
  linksKnown: number;
  anchors: number;
  anchorsVerified: number;
  literals: number;
  literalsInSection: number;
  literalsOnlyInDocument: number;
  documents: number;
  documentsCurrent: number;
  documentsDrifted: number;
}

export function emptyTally(): ProvenanceTally {
  return {
    links: 0,
    linksKnown: 0,
    anchors: 0,
    anchorsVerified: 0,
    literals: 0,
    literalsInSection: 0,
    literalsOnlyInDocument: 0,
    documents: 0,
    documentsCurrent: 0,
    documentsDrifted: 0,
  };
}

/**
 * All provenance rules for one file. Links are checked on the raw text, so
 * they are checked even when the frontmatter fails the schema; the rest
 * need the parsed data.
 */
export function checkProvenance(content: ContentFile, data: Assessment | undefined, lock: SourceLock, tally = emptyTally()): Problem[] {
  const problems = checkLinks(content, lock, tally);
  if (data) problems.push(...checkLiterals(content, data, lock, tally), ...checkDocuments(content, data, lock, tally));
  return problems;
}

function checkLinks(content: ContentFile, lock: SourceLock, tally: ProvenanceTally): Problem[] {
  const problems: Problem[] = [];
  for (const { url, offset, parsed } of findUpstreamUrls(content.source)) {
    // Positions are worked out only for a problem: most links have none.
    const at = () => ({ file: content.file, ...offsetPosition(content.source, offset) });
    const file = lockedFile(lock, parsed);
    tally.links++;
    if (!file && !isLockedDir(lock, parsed)) {
      const what =
        parsed.kind === 'tree' ? `directory ${parsed.path} is not in the source lock's dirs` : `${parsed.path} is not in the source lock`;
      problems.push({
        ...at(),
        rule: 'source-unknown',
        message: `${url.split('#')[0]}: ${what}`,
        fix: `run \`${SYNC}\` and commit content/sources.lock.json; if sources:sync reports the path missing at HEAD, link where the document lives now`,
      });
      continue;
    }
    tally.linksKnown++;
    const anchor = parsed.anchor;
    if (!file?.headings || anchor === undefined || anchor === '' || isTextFragment(anchor) || isLineAnchor(anchor)) continue;
    tally.anchors++;
    const wanted = anchor.replace(/^user-content-/, '');
    const anchors = file.headings.map((h) => h.anchor);
    if (anchors.includes(wanted)) {
      tally.anchorsVerified++;
      continue;
    }
    problems.push({
      ...at(),
      rule: 'source-anchor',
      message: `#${anchor} is not a heading of ${name(file)} at ${short(lock.repos[file.repo]?.commit)}`,
      fix: `use the anchor of the heading you mean; the closest are ${closest(wanted, anchors)
        .map((a) => `#${a}`)
        .join(', ')}`,
    });
  }
  return problems;
}

function checkLiterals(content: ContentFile, data: Assessment, lock: SourceLock, tally: ProvenanceTally): Problem[] {
  const problems: Problem[] = [];
  data.checklist.forEach((item, i) => {
    const url = parseUpstreamUrl(item.source);
    const file = url && lockedFile(lock, url);
    // Only Markdown files have literals; a PDF's text is not in the lock.
    if (!url || !file?.sections) return;
    const anchor = url.anchor?.replace(/^user-content-/, '');
    const section = anchor !== undefined ? file.sections[anchor] : undefined;
    for (const field of ['action', 'how'] as const) {
      const text = item[field];
      if (text === undefined) continue;
      for (const { literal } of guideLiterals(text)) {
        tally.literals++;
        // Finding where the literal is written needs the positioned frontmatter: only for a problem.
        const at = () => ({ file: content.file, ...fieldTextPosition(content, ['checklist', i, field], literal) });
        const where = `checklist[${i}].${field}`;
        if (!occursIn(literal, documentLiterals(file))) {
          const near = closest(literal, documentLiterals(file), 3);
          problems.push({
            ...at(),
            rule: 'literal-missing',
            message: `\`${literal}\` in ${where} does not occur in ${name(file)}`,
            fix: `copy it exactly as the source writes it${near.length > 0 ? ` (nearest there: ${near.map((n) => `\`${n}\``).join(', ')})` : ''}, or drop the backticks if it is your own wording`,
          });
        } else if (section && !occursIn(literal, section.literals)) {
          tally.literalsOnlyInDocument++;
          const elsewhere = sectionsWith(file, literal);
          problems.push({
            ...at(),
            severity: 'warning',
            rule: 'literal-outside-section',
            message: `\`${literal}\` in ${where} occurs in ${name(file)} but not in the cited section #${anchor}`,
            fix: elsewhere.length > 0 ? `cite the section that has it: #${elsewhere.join(' or #')}` : 'cite the section that has it',
          });
        } else {
          tally.literalsInSection++;
        }
      }
    }
  });
  return problems;
}

function checkDocuments(content: ContentFile, data: Assessment, lock: SourceLock, tally: ProvenanceTally): Problem[] {
  const problems: Problem[] = [];
  const drifts = driftOf(data, lock);
  data.documents.forEach((doc, i) => {
    const url = parseUpstreamUrl(doc.source);
    const file = url && lockedFile(lock, url);
    if (!file) return;
    tally.documents++;
    if (doc.checked.blob === file.blob) tally.documentsCurrent++;
    if (doc.dateSource === 'repository-history' && !sameAtPrecision(toIsoDate(doc.date), file.added.authorDate, doc.datePrecision)) {
      problems.push({
        file: content.file,
        ...frontmatterPosition(content, ['documents', i, 'date']),
        rule: 'document-date',
        message: `documents[${i}].date is ${toIsoDate(doc.date)}, but git history dates ${name(file)} ${file.added.authorDate} (authored in commit ${short(file.added.commit)}; on the default branch at this path since ${file.added.mergeDate})`,
        fix: `set date: ${file.added.authorDate} with datePrecision: day, or dateSource: stated if the document states its own date`,
      });
    }
    if (doc.checked.blob === undefined) {
      problems.push({
        file: content.file,
        ...frontmatterPosition(content, ['documents', i, 'checked']),
        rule: 'checked-blob',
        message: `documents[${i}].checked has no blob, so nobody can tell which version of ${name(file)} the guide was checked against`,
        fix: `check the guide against the document as it is now, then set checked.blob: ${file.blob} (its blob at ${file.repo}@${short(lock.repos[file.repo]?.commit)}) and checked.date to that day`,
      });
    }
  });
  for (const drift of drifts) {
    tally.documentsDrifted++;
    problems.push({
      file: content.file,
      ...frontmatterPosition(content, ['documents', drift.index, 'checked', 'blob']),
      severity: 'warning',
      rule: 'source-drift',
      message: `${drift.documentSource.split('#')[0]} changed upstream since the guide was checked on ${drift.checkedDate} (checked blob ${short(drift.checkedBlob)}, now ${short(drift.lockBlob)}, last changed ${drift.changed})`,
      fix: `re-read its changes since ${drift.checkedDate} (${drift.historyUrl}), update the guide, then set checked.blob: ${drift.lockBlob} and checked.date`,
    });
  }
  return problems;
}

/** A repository-history date written to month or year precision only has to agree that far. */
function sameAtPrecision(date: string, gitDate: string, precision: 'day' | 'month' | 'year'): boolean {
  const length = precision === 'year' ? 4 : precision === 'month' ? 7 : 10;
  return date.slice(0, length) === gitDate.slice(0, length);
}

/** `#L12` or `#L12-L20` highlights lines of the file's source view; it names no heading. */
function isLineAnchor(anchor: string): boolean {
  return /^L\d+(C\d+)?(-L\d+(C\d+)?)?$/.test(anchor);
}

/** The most specific sections (deepest headings) whose text has the literal. */
function sectionsWith(file: LockFile, literal: string): string[] {
  const having = (file.headings ?? []).filter((h) => occursIn(literal, file.sections?.[h.anchor]?.literals ?? []));
  const deepest = Math.max(...having.map((h) => h.depth));
  return having
    .filter((h) => h.depth === deepest)
    .slice(0, 3)
    .map((h) => h.anchor);
}

function name(file: LockFile): string {
  return `${file.path.split('/').pop()} (${file.repo}/${file.path})`;
}

function short(sha: string | undefined): string {
  return (sha ?? 'unknown').slice(0, 12);
}

function offsetPosition(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** The position of `needle` inside a frontmatter field's text, or of the field when it is not found verbatim (escapes, folding). */
function fieldTextPosition(content: ContentFile, path: readonly PropertyKey[], needle: string): { line: number; column: number } {
  const start = frontmatterPosition(content, path);
  const node = content.frontmatter.getIn(path, true) as { range?: [number, number, number] } | undefined;
  const endLine = node?.range ? content.lineCounter.linePos(node.range[1]).line + 1 : start.line;
  const lines = content.source.split('\n');
  for (let line = start.line; line <= endLine; line++) {
    const from = line === start.line ? start.column - 1 : 0;
    const index = lines[line - 1]?.indexOf(needle, from) ?? -1;
    if (index !== -1) return { line, column: index + 1 };
  }
  return start;
}
