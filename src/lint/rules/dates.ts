// Dates must be in the past, and documents listed oldest first so "newest"
// means the last one.
import { toIsoDate } from '../../lib/dates.ts';
import type { Assessment } from '../../schema/assessment.ts';
import { frontmatterPosition, type ContentFile } from '../source.ts';
import { fieldPath, type Problem } from '../problem.ts';

export function checkDates(content: ContentFile, data: Assessment, now: Date): Problem[] {
  const problems: Problem[] = [];
  const future = (
    path: PropertyKey[],
    date: Date | undefined,
    fix = 'use the date the document states, or the date of the commit that added it',
  ) => {
    if (date && date.getTime() > now.getTime()) {
      problems.push({
        file: content.file,
        ...frontmatterPosition(content, path),
        rule: 'future-date',
        message: `${fieldPath(path)} is ${toIsoDate(date)}, which is after today (${toIsoDate(now)})`,
        fix,
      });
    }
  };
  future(['maturityDate'], data.maturityDate, 'use the day you read the maturity, e.g. from the CNCF landscape');
  data.documents.forEach((doc, i) => {
    future(['documents', i, 'date'], doc.date);
    future(['documents', i, 'revised'], doc.revised);
    future(['documents', i, 'checked', 'date'], doc.checked.date, 'use the day you read the document against its source');
    if (doc.revised && doc.revised.getTime() < doc.date.getTime()) {
      problems.push({
        file: content.file,
        ...frontmatterPosition(content, ['documents', i, 'revised']),
        rule: 'document-order',
        message: `documents[${i}].revised (${toIsoDate(doc.revised)}) is before its date (${toIsoDate(doc.date)})`,
        fix: 'a revision comes after the first version; check both dates',
      });
    }
    const previous = data.documents[i - 1];
    if (previous && doc.date.getTime() < previous.date.getTime()) {
      problems.push({
        file: content.file,
        ...frontmatterPosition(content, ['documents', i, 'date']),
        rule: 'document-order',
        message: `documents[${i}] (${toIsoDate(doc.date)}) is older than documents[${i - 1}] (${toIsoDate(previous.date)})`,
        fix: 'list documents oldest first, so the last one is the newest',
      });
    }
  });
  data.audits.forEach((audit, i) => future(['audits', i, 'date'], audit.date, 'use the date the report states'));
  data.assessmentRequests.forEach((request, i) =>
    future(['assessmentRequests', i, 'opened'], request.opened, 'use the day the request was opened'),
  );
  return problems;
}
