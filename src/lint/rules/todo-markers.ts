// Scaffolded files carry TODO markers where a person must write; none may ship.
import type { ContentFile } from '../source.ts';
import type { Problem } from '../problem.ts';

export const TODO_PATTERN = /\bTODO\b/;

export function checkTodoMarkers(content: ContentFile): Problem[] {
  const problems: Problem[] = [];
  content.source.split('\n').forEach((line, index) => {
    const match = TODO_PATTERN.exec(line);
    if (match) {
      problems.push({
        file: content.file,
        line: index + 1,
        column: match.index + 1,
        rule: 'todo-marker',
        message: `unfinished TODO marker: ${line.trim().slice(0, 70)}`,
        fix: 'replace the marker with the real fact, or remove an optional field you cannot fill',
      });
    }
  });
  return problems;
}
