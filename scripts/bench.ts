#!/usr/bin/env node
// Build benchmark over synthetic catalogs (copies of the real content).
//
//   npm run bench                        60, 240 and 960 projects: time, memory, output size
//   npm run bench -- 1000 4000           other sizes
//   npm run bench -- --compare 1000      the same corpus also built as a Starlight site, with
//                                        its default sidebar and with a flat one, interleaved
//   npm run bench -- --runs 3            clean builds per site and size (default 1; 2 with --compare)
//
// Each clean build starts with no content-layer or lint cache; then one file
// is edited and the site rebuilt, to time a contributor's rebuild. Starlight is
// installed on demand into a folder under the system temp directory (reused
// by later runs), never as a dependency of this site. Results go to the
// console and to .bench/results.json.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { exportStageDir } from '../src/lint/export-stage.ts';
import { listContentFiles } from '../src/lint/files.ts';
import { starlightPage, syntheticCatalog, wordsInMain, writeCatalog, type CorpusFile } from './bench-corpus.ts';
import { phaseSeconds, PHASES, type StampedLine } from './bench-phases.ts';
import { processIo, runIfDirect, type Io } from './cli.ts';
import { listFiles } from './dist.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ASTRO = resolve(ROOT, 'node_modules/astro/bin/astro.mjs');
const STARLIGHT_VERSION = '0.42.4';
/** 2026-12-01: the build date every benchmark build uses, so ages and output are the same from run to run. */
const EPOCH = '1796083200';

type Site = 'posture' | 'starlight-default' | 'starlight-flat';

interface Build {
  site: Site;
  projects: number;
  run: number;
  seconds: number;
  peakMiB: number;
  lines: StampedLine[];
}

interface Output {
  pages: number;
  totalKiB: number;
  bytesPerPage: number;
  indexKiB: number;
  largestGuideGzipKiB: number;
  words: number;
}

async function timedBuild(
  site: Site,
  projects: number,
  run: number,
  cwd: string,
  env: Record<string, string>,
  force: boolean,
): Promise<Build> {
  const started = Date.now();
  const args = [
    '-f',
    'PEAK_RSS_KB %M',
    process.execPath,
    resolve(cwd, 'node_modules/astro/bin/astro.mjs'),
    'build',
    ...(force ? ['--force'] : []),
  ];
  const child = spawn('/usr/bin/time', args, {
    cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', SOURCE_DATE_EPOCH: EPOCH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: StampedLine[] = [];
  for (const stream of [child.stdout, child.stderr])
    createInterface({ input: stream }).on('line', (line) => lines.push({ ms: Date.now() - started, line }));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const seconds = (Date.now() - started) / 1000;
  if (code !== 0)
    throw new Error(
      `${site} build of ${projects} projects failed (exit ${code}):\n${lines
        .slice(-40)
        .map((l) => l.line)
        .join('\n')}`,
    );
  const peak = Number(/PEAK_RSS_KB (\d+)/.exec(lines.map((l) => l.line).join('\n'))?.[1]);
  return { site, projects, run, seconds, peakMiB: Math.round(peak / 1024), lines: lines.sort((a, b) => a.ms - b.ms) };
}

function measureOutput(out: string, guidePattern: RegExp): Output {
  const files = listFiles(out);
  const size = (filter: (f: string) => boolean) => files.filter(filter).reduce((n, f) => n + statSync(f).size, 0);
  const html = files.filter((f) => f.endsWith('.html'));
  const guides = files.filter((f) => guidePattern.test(f) && !/\/by-[a-z]+\/index\.html$/.test(f));
  const total = size(() => true);
  const sample = guides.find((f) => f.includes('/harbor/')) ?? guides[0];
  return {
    pages: html.length,
    totalKiB: Math.round(total / 1024),
    bytesPerPage: Math.round(total / html.length),
    indexKiB: Math.round(size((f) => f.includes('/pagefind/')) / 1024),
    largestGuideGzipKiB: Number((Math.max(...guides.map((f) => gzipSync(readFileSync(f)).length)) / 1024).toFixed(1)),
    words: sample ? wordsInMain(readFileSync(sample, 'utf8')) : 0,
  };
}

/** Starlight and the Astro version this site uses, installed once into a folder of their own. */
function starlightInstall(io: Io): string {
  const astroVersion = (JSON.parse(readFileSync(resolve(ROOT, 'node_modules/astro/package.json'), 'utf8')) as { version: string }).version;
  const dir = join(tmpdir(), `posture-bench-starlight-${STARLIGHT_VERSION}-astro-${astroVersion}`);
  if (existsSync(join(dir, 'node_modules/@astrojs/starlight/package.json'))) return dir;
  io.err(`Installing Starlight ${STARLIGHT_VERSION} with Astro ${astroVersion} into ${dir} (once)…`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'bench-starlight',
      private: true,
      type: 'module',
      dependencies: { astro: astroVersion, '@astrojs/starlight': STARLIGHT_VERSION, sharp: '^0.34.0' },
    }),
  );
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  if (install.status !== 0) throw new Error(`could not install Starlight into ${dir}`);
  return dir;
}

/** The corpus as the Starlight site's pages, written into the install folder itself (Vite must see the packages inside the root). */
function writeStarlightContent(dir: string, files: readonly CorpusFile[]): void {
  rmSync(join(dir, 'src'), { recursive: true, force: true });
  mkdirSync(join(dir, 'src/content/docs/projects'), { recursive: true });
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n",
  );
  writeFileSync(
    join(dir, 'src/content/docs/index.md'),
    `---\ntitle: Projects\n---\n\n${files.map((f) => `- [${f.slug}](/projects/${f.slug}/)`).join('\n')}\n`,
  );
  for (const file of files) writeFileSync(join(dir, `src/content/docs/projects/${file.slug}.md`), starlightPage(file.text));
}

/** `default` lets Starlight list every page in the sidebar of every page; `flat` links only the index, which lists every project. */
function useSidebar(dir: string, sidebar: 'default' | 'flat'): void {
  const config = sidebar === 'flat' ? "sidebar: [{ label: 'Projects', link: '/' }]," : '';
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ integrations: [starlight({ title: 'Bench', ${config} })] });\n`,
  );
}

interface Row {
  site: Site;
  projects: number;
  builds: number[];
  peakMiB: number[];
  rebuild?: number | undefined;
  rebuildPhases?: Record<string, number> | undefined;
  phases?: Record<string, number> | undefined;
  output: Output;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const range = (values: readonly number[], digits = 1) =>
  values.length === 1 ? values[0]!.toFixed(digits) : `${Math.min(...values).toFixed(digits)} – ${Math.max(...values).toFixed(digits)}`;

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const compare = argv.includes('--compare');
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : compare ? 2 : 1;
  const sizes = argv.filter((a, i) => /^\d+$/.test(a) && argv[i - 1] !== '--runs').map(Number);
  if (sizes.length === 0) sizes.push(...(compare ? [1000] : [60, 240, 960]));
  const originals = listContentFiles(ROOT).map((path) => ({
    slug: path
      .split('/')
      .pop()!
      .replace(/\.mdx$/, ''),
    text: readFileSync(path, 'utf8'),
  }));
  const starlightDir = compare ? starlightInstall(io) : '';
  const work = mkdtempSync(join(tmpdir(), 'posture-bench-'));
  const rows: Row[] = [];
  // What a clean build must not find: the lint's results and the exports it staged (Astro's own caches go with --force).
  const ourCaches = [resolve(ROOT, 'node_modules/.astro/posture-lint-cache.json'), exportStageDir(ROOT)];
  try {
    for (const projects of sizes) {
      const files = syntheticCatalog(originals, projects);
      const content = join(work, `content-${projects}`);
      writeCatalog(files, content);
      const sites: Site[] = compare ? ['posture', 'starlight-default', 'starlight-flat'] : ['posture'];
      if (compare) writeStarlightContent(starlightDir, files);
      const byRow = new Map<Site, Row>();
      for (let run = 1; run <= runs; run++) {
        // Interleaved: one clean build of each site per round, so drift in the machine's speed hits all alike.
        for (const site of sites) {
          const out = join(work, `out-${site}-${projects}`);
          rmSync(out, { recursive: true, force: true });
          let build: Build;
          if (site === 'posture') {
            for (const cache of ourCaches) rmSync(cache, { recursive: true, force: true });
            build = await timedBuild(site, projects, run, ROOT, { POSTURE_CONTENT_DIR: content, POSTURE_OUT_DIR: out }, true);
          } else {
            useSidebar(starlightDir, site === 'starlight-flat' ? 'flat' : 'default');
            rmSync(join(starlightDir, 'dist'), { recursive: true, force: true });
            build = await timedBuild(site, projects, run, starlightDir, {}, true);
          }
          io.err(`${site} ${projects} projects, run ${run}: ${build.seconds.toFixed(1)} s, ${build.peakMiB} MiB`);
          const row = byRow.get(site) ?? {
            site,
            projects,
            builds: [],
            peakMiB: [],
            output: measureOutput(site === 'posture' ? out : join(starlightDir, 'dist'), /\/projects\/[^/]+\/index\.html$/),
          };
          row.builds.push(build.seconds);
          row.peakMiB.push(build.peakMiB);
          if (site === 'posture') {
            const phases = phaseSeconds(build.lines);
            row.phases = Object.fromEntries(PHASES.map(([name]) => [name, ((row.phases?.[name] ?? 0) * (run - 1) + phases[name]) / run]));
          }
          byRow.set(site, row);
        }
      }
      // A contributor's rebuild: one file edited, caches kept.
      const posture = byRow.get('posture')!;
      const edited = join(content, `${files[0]!.slug}.mdx`);
      writeFileSync(edited, readFileSync(edited, 'utf8').replace(/^summary: (.*)$/m, 'summary: $1 Edited for the benchmark.'));
      const rebuild = await timedBuild(
        'posture',
        projects,
        0,
        ROOT,
        { POSTURE_CONTENT_DIR: content, POSTURE_OUT_DIR: join(work, `out-posture-${projects}`) },
        false,
      );
      posture.rebuild = rebuild.seconds;
      posture.rebuildPhases = phaseSeconds(rebuild.lines);
      io.err(`posture ${projects} projects, rebuild after one edit: ${rebuild.seconds.toFixed(1)} s`);
      rows.push(...sites.map((site) => byRow.get(site)!));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
    // Leave the content cache describing the real content again.
    spawnSync(process.execPath, [ASTRO, 'sync', '--force'], {
      cwd: ROOT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: 'ignore',
    });
  }
  report(rows, io);
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  writeFileSync(
    join(ROOT, '.bench', 'results.json'),
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`,
  );
  return 0;
}

function report(rows: readonly Row[], io: Io): void {
  io.out(
    '| site | projects | clean build (s) | vs Posture | rebuild after one edit (s) | peak RSS (MiB) | pages | bytes per page | index (KiB) | largest guide (KiB gz) | words on the Harbor page |',
  );
  io.out('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    const posture = rows.find((r) => r.site === 'posture' && r.projects === row.projects)!;
    const ratio = row.site === 'posture' ? '1.00' : `Posture is ${(median(posture.builds) / median(row.builds)).toFixed(2)}×`;
    io.out(
      `| ${row.site} | ${row.projects} | ${range(row.builds)} | ${ratio} | ${row.rebuild === undefined ? '' : `${row.rebuild.toFixed(1)} (${((row.rebuild / median(row.builds)) * 100).toFixed(0)}% of clean)`} | ${range(row.peakMiB, 0)} | ${row.output.pages} | ${row.output.bytesPerPage} | ${row.output.indexKiB} | ${row.output.largestGuideGzipKiB} | ${row.output.words} |`,
    );
  }
  for (const row of rows.filter((r) => r.phases)) {
    io.out(
      `\nWhere Posture's clean build of ${row.projects} projects goes (mean of ${row.builds.length}), and its rebuild after one edit:`,
    );
    for (const [name, seconds] of Object.entries(row.phases!))
      io.out(
        `  ${name.padEnd(52)} ${seconds.toFixed(1).padStart(6)} s ${(row.rebuildPhases?.[name] ?? Number.NaN).toFixed(1).padStart(6)} s`,
      );
  }
}

runIfDirect(import.meta.url, main);
