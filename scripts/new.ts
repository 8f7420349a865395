#!/usr/bin/env node
// Starts a new assessment: `npm run new -- --slug <slug> --name <name> [options]`.
// Writes content/assessments/<slug>.mdx from src/lib/scaffold.ts and never
// overwrites a file. Asks for what is missing when run in a terminal.
// Exit codes: 0 written, 1 file exists or cannot be written, 2 usage error, 130 cancelled.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDate, parseIsoDate, toIsoDate } from '../src/lib/dates.ts';
import { projectPath } from '../src/lib/routes.ts';
import { scaffoldAssessment, suggestSlug, validateSlug } from '../src/lib/scaffold.ts';
import { TODO_PATTERN } from '../src/lint/rules/todo-markers.ts';
import { contentDir as resolveContentDir } from '../src/lint/files.ts';
import { DOCUMENT_KINDS, MATURITIES, type DocumentKind, type Maturity } from '../src/schema/enums.ts';
import { httpsUrl } from '../src/schema/assessment.ts';
import { Exit, processIo, runIfDirect, type Io } from './cli.ts';

const ROOT = resolve(import.meta.dirname, '..');

const USAGE = `Usage: npm run new -- --slug <slug> --name <name> [options]

Writes content/assessments/<slug>.mdx, a skeleton that passes every check
except its TODO markers. It never overwrites an existing file.

Required (asked for when run in a terminal):
  --slug <slug>        page URL and file name, lowercase kebab-case (2-60 characters)
  --name <name>        project name as the project writes it

Options:
  --kind <kind>        document kind: ${DOCUMENT_KINDS.join(' | ')} (default self-assessment)
  --maturity <level>   CNCF maturity: ${MATURITIES.join(' | ')} (default sandbox)
  --category <text>    CNCF landscape category
  --summary <text>     one sentence on what the project does
  --source <url>       https:// URL of the assessment document
  --date <YYYY-MM-DD>  date the document states (default today, marked TODO)
  --volunteer          the document was drafted by a volunteer, not the maintainers
  --help               show this help`;

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  try {
    return await create(argv, io);
  } catch (error) {
    if (error instanceof Exit) return error.code;
    throw error;
  }
}

async function create(argv: string[], io: Io): Promise<number> {
  const contentDir = resolveContentDir(ROOT, io.env);

  function usageError(message: string): never {
    io.err(`error: ${message}\n\n${USAGE}`);
    throw new Exit(2);
  }

  function display(path: string): string {
    const rel = relative(process.cwd(), path);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  }

  function fileFor(slug: string): string {
    return join(contentDir, `${slug}.mdx`);
  }

  function existsMessage(path: string): string {
    return `${display(path)} already exists; edit that file instead (npm run new never overwrites).`;
  }

  /** Why a slug cannot be used, with a suggestion; undefined when it is fine. */
  function slugProblem(slug: string, name?: string): string | undefined {
    const error = validateSlug(slug);
    if (!error) return undefined;
    const candidates = [suggestSlug(slug), name ? suggestSlug(name) : ''];
    const suggestion = candidates.find((candidate) => candidate && !validateSlug(candidate) && !existsSync(fileFor(candidate)));
    return `"${slug}" cannot be used: ${error}.${suggestion ? ` Try --slug ${suggestion}` : ''}`;
  }

  function checkSource(value: string): string | undefined {
    const result = httpsUrl.safeParse(value);
    return result.success ? undefined : `--source "${value}" ${result.error.issues[0]?.message ?? 'is not an https:// URL'}`;
  }

  function checkDate(value: string, today: string): string | undefined {
    const date = parseIsoDate(value);
    if (!date) return `--date "${value}" is not a real date written YYYY-MM-DD`;
    if (value.trim() > today) return `--date ${value} is after today (${today}); use the date the document states`;
    return undefined;
  }

  function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
    if (value === undefined) return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    return usageError(`--${flag} "${value}" is not one of: ${allowed.join(', ')}`);
  }

  if (argv.some((arg) => arg === '--force' || arg.startsWith('--force=') || arg === '-f')) {
    usageError('--force is not supported: npm run new never overwrites a file. Edit the existing file instead.');
  }

  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        slug: { type: 'string' },
        name: { type: 'string' },
        kind: { type: 'string' },
        maturity: { type: 'string' },
        category: { type: 'string' },
        summary: { type: 'string' },
        source: { type: 'string' },
        date: { type: 'string' },
        volunteer: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    usageError((error as Error).message);
  }
  const flags = parsed.values;
  if (flags.help) {
    io.out(USAGE);
    return 0;
  }

  const today = toIsoDate(buildDate(io.env));
  let slug = flags.slug?.trim();
  let name = flags.name?.trim() || undefined;
  let kind = oneOf<DocumentKind>('kind', flags.kind, DOCUMENT_KINDS);
  let maturity = oneOf<Maturity>('maturity', flags.maturity, MATURITIES);
  let category = flags.category;
  let summary = flags.summary;
  let source = flags.source?.trim() || undefined;
  let volunteerDrafted = flags.volunteer;
  if (source !== undefined) {
    const problem = checkSource(source);
    if (problem) usageError(problem);
  }
  if (flags.date !== undefined) {
    const problem = checkDate(flags.date, today);
    if (problem) usageError(problem);
  }
  if (slug !== undefined) {
    const problem = slugProblem(slug, name);
    if (problem) {
      io.err(`error: ${problem}`);
      return 2;
    }
    if (existsSync(fileFor(slug))) {
      io.err(`error: ${existsMessage(fileFor(slug))}`);
      return 1;
    }
  }

  if (slug === undefined || name === undefined) {
    if (!io.interactive) {
      const missing = [slug === undefined ? '--slug' : '', name === undefined ? '--name' : ''].filter(Boolean);
      usageError(`${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} required when not run in a terminal`);
    }
    const prompts = await import('@clack/prompts');
    const answer = <T>(value: T): Exclude<T, symbol> => {
      if (prompts.isCancel(value)) {
        prompts.cancel('Cancelled; nothing was written.');
        throw new Exit(130);
      }
      return value as Exclude<T, symbol>;
    };
    prompts.intro('New assessment');
    if (name === undefined) {
      name = answer(
        await prompts.text({
          message: 'Project name, as the project writes it',
          placeholder: 'Open Policy Agent',
          validate: (value) => (value?.trim() ? undefined : 'the name is required'),
        }),
      ).trim();
    }
    if (slug === undefined) {
      const suggested = suggestSlug(name);
      slug = answer(
        await prompts.text({
          message: 'Slug (file name and page URL /projects/<slug>/)',
          initialValue: validateSlug(suggested) ? '' : suggested,
          validate: (value) => {
            const candidate = value?.trim() ?? '';
            const problem = slugProblem(candidate, name);
            if (problem) return problem.replace(' Try --slug', ' Try');
            if (existsSync(fileFor(candidate))) return existsMessage(fileFor(candidate));
            return undefined;
          },
        }),
      ).trim();
    }
    if (kind === undefined) {
      kind = answer(
        await prompts.select<DocumentKind>({
          message: 'Kind of document',
          initialValue: 'self-assessment',
          options: DOCUMENT_KINDS.map((value) => ({ value, label: value })),
        }),
      );
    }
    if (maturity === undefined) {
      maturity = answer(
        await prompts.select<Maturity>({
          message: 'CNCF maturity',
          initialValue: 'sandbox',
          options: MATURITIES.map((value) => ({ value, label: value })),
        }),
      );
    }
    if (category === undefined) {
      category = answer(
        await prompts.text({ message: 'CNCF landscape category (empty: fill in later)', placeholder: 'Security & Compliance' }),
      );
    }
    if (summary === undefined) {
      summary = answer(await prompts.text({ message: 'One sentence on what the project does (empty: fill in later)' }));
    }
    if (source === undefined) {
      source =
        answer(
          await prompts.text({
            message: 'https:// URL of the assessment document (empty: fill in later)',
            validate: (value) => (value?.trim() ? checkSource(value.trim())?.replace(/^--source /, '') : undefined),
          }),
        ).trim() || undefined;
    }
    if (volunteerDrafted === undefined) {
      volunteerDrafted = answer(
        await prompts.confirm({ message: 'Was the document drafted by a volunteer rather than the maintainers?', initialValue: false }),
      );
    }
  }

  // Both were given as flags or answered above; this narrows their types.
  if (slug === undefined || name === undefined) throw new Error('slug and name must be set by now');
  const path = fileFor(slug);
  const content = scaffoldAssessment({
    slug,
    name,
    kind,
    maturity,
    category,
    summary,
    source,
    date: flags.date?.trim(),
    today,
    volunteerDrafted: volunteerDrafted ?? false,
  });
  try {
    mkdirSync(contentDir, { recursive: true });
    // 'wx' fails if the file appeared since the check above: never overwrite.
    writeFileSync(path, content, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(`error: ${code === 'EEXIST' ? existsMessage(path) : `could not write ${display(path)}: ${(error as Error).message}`}`);
    return 1;
  }

  const todos = content.split('\n').filter((line) => TODO_PATTERN.test(line)).length;
  io.out(`Created ${display(path)}

Next steps:
  1. Replace each of the ${todos} TODO markers in ${display(path)} with facts from the assessment.
  2. npm run check                        (lists any TODO or problem left)
  3. npm run build && npm run preview
  4. Open http://localhost:4321${projectPath(slug)}`);
  return 0;
}

runIfDirect(import.meta.url, main);
