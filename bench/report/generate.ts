// Writes docs/benchmarks.md and docs/assets/bench-<id>.svg from the benchmark sections of
// the READMEs. Run by bench/run.mjs after a successful run, or by hand:
// `node bench/report/generate.ts` (Node's type stripping) from the repository root.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { choosePanel, type Panel, renderSvg } from './chart.ts';
import {
  extractSections,
  parseGoals,
  parseHeading,
  parseMachine,
  parseReproduce,
  parseTables,
  type Section,
} from './parse.ts';

/** The READMEs holding benchmark sections, in report order. */
export const readmes = [
  'packages/cache/README.md',
  'packages/stock/README.md',
  'packages/resilience/README.md',
  'packages/sync/README.md',
  'examples/mall-server/README.md',
];

/** Titles of the sections that have no heading of their own. */
const titles: Record<string, string> = {
  'hot-sku': 'Hot SKU: stock deduction strategies under contention',
  cdc: 'Change data capture: binlog and outbox to Redis streams',
  server: 'Mall server over HTTP',
};

/** What each benchmark measures, and how to read its chart. */
const descriptions: Record<string, string> = {
  'batch-read':
    'How long `clusterMget` takes to read 500 keys from a 3-master Redis Cluster, against the other ways of reading many keys at once and against one `MGET` on a standalone server. The figures are times, so lower is better; the chart shows each subject’s time ÷ `clusterMget`’s.',
  'l1-hit':
    'What a `Cache.get` answered from the in-process L1 costs, against an awaited raw `lru-cache` get. The figures are times per call, so lower is better; the chart shows each subject’s time × the raw get’s.',
  'hot-keys':
    'How evenly a Zipf-skewed read load spreads over the masters of a Redis Cluster with and without hot-key handling, and how fast a key that turns hot is detected. The chart shows the busiest master’s command rate ÷ the mean over masters (1.00 is perfectly even, lower is better); this table has no baseline row, the comparison is between its rows.',
  'hot-sku':
    'Orders per second on one hot SKU with 64 concurrent buyers, for each stock deduction strategy, against a plain conditional UPDATE measured in the same run, and whether any strategy oversells. Higher is better; the chart uses a log scale because the strategies span two orders of magnitude.',
  limiter:
    'Throughput of `DistributedRateLimiter.acquire` against a raw `EVALSHA` of `return 1` and of the limiter’s own script on standalone Redis and on a Cluster, and the cost of the local limiters against a `Map.get`. Higher is better in the first chart (share of the raw `return 1` rate), lower in the second (ns per call).',
  overhead:
    'What a call through a `DependencyPolicy` (timeout, retry, breaker, bulkhead, rate limit) adds to a bare async call, next to cockatiel’s equivalent stack. Times per call, so lower is better; the chart shows each subject’s time × the bare call’s, on a log scale.',
  cdc: 'Events per second and end-to-end lag of the change data capture pipeline from MariaDB (binlog or outbox) through Redis streams to a consumer, against raw `XADD` + `XREADGROUP` on the same Redis. Higher is better; the chart shows each phase’s events/s ÷ the raw rate of the same kind of phase (steady phases are paced, so they all read 1.00×).',
  server:
    'Requests per second of the example mall server on its real stack (Redis, MariaDB), per route, against a bare fastify route in the same run. Higher is better; the chart shows each route’s rate as a share of the bare route’s.',
};

export interface ReportSection {
  section: Section;
  title: string;
  panels: Panel[];
  /** SVG path relative to the docs directory, or undefined when nothing could be charted. */
  chart?: string;
  svg?: string;
}

export interface ReportOptions {
  /** Repository root holding the READMEs; defaults to this repository. */
  root?: string;
  /** Where to write the report; defaults to `<root>/docs/benchmarks.md`. */
  out?: string;
  /** Where to write the SVGs; defaults to `assets/` next to `out`. */
  assets?: string;
}

export interface Report {
  markdown: string;
  sections: ReportSection[];
}

const defaultRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Reads every benchmark section and builds the report and its charts, without writing. */
export function buildReport(root: string = defaultRoot, assetsFromDocs = 'assets'): Report {
  const sections: ReportSection[] = [];
  for (const file of readmes) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const section of extractSections(text, file)) {
      const title = parseHeading(section.body) ?? titles[section.id] ?? section.id;
      const goals = parseGoals(section.body);
      const panels = parseTables(section.body)
        .map((t) => choosePanel(t, goals))
        .filter((p): p is Panel => p !== undefined);
      const entry: ReportSection = { section, title, panels };
      if (panels.length > 0) {
        entry.chart = `${assetsFromDocs}/bench-${section.id}.svg`;
        entry.svg = renderSvg(title, panels);
      }
      sections.push(entry);
    }
  }
  return { markdown: renderMarkdown(sections), sections };
}

function measured(body: string): string {
  return body
    .split('\n')
    .filter((l) => !/^#{2,4}\s/.test(l) && !/^(Machine|Reproduce):/.test(l))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function renderMarkdown(sections: ReportSection[]): string {
  const out: string[] = [
    '---',
    'title: Benchmark report',
    'group: Documents',
    '---',
    '',
    '# Benchmark report',
    '',
    'Every figure here is relative to a baseline measured **in the same run**, on the machine named under each benchmark (a raw `lru-cache` get, a raw `EVALSHA`, a bare HTTP route…). Absolute numbers describe that machine on that day; compare ratios, not absolute figures across runs or machines.',
    '',
    'This page is generated from the benchmark sections that each scenario of `bench/` writes into its package’s README; do not edit it by hand. `npm run bench` runs every benchmark, rewrites those sections and regenerates this report; `node bench/report/generate.ts` regenerates it from the READMEs as they stand.',
    '',
    'In the charts, each bar is a subject of the benchmark, the grey dashed bar is the baseline it is compared with, and a red dashed line marks the goal where the benchmark states one in the charted unit.',
    '',
    '| benchmark | section of | charted |',
    '| --- | --- | --- |',
  ];
  for (const s of sections) {
    const charted = s.panels.map((p) => p.column.replace(/\|/g, '\\|')).join('; ') || '—';
    out.push(`| ${s.title} | \`${s.section.file}\` (\`${s.section.id}\`) | ${charted} |`);
  }
  for (const s of sections) {
    const body = s.section.body;
    out.push('', `## ${s.title}`, '');
    out.push(`*From \`${s.section.file}\`, section \`${s.section.id}\`.*`, '');
    const description = descriptions[s.section.id];
    if (description) out.push(description, '');
    if (s.chart) out.push(`![${s.title}](${s.chart})`, '');
    out.push(measured(body), '');
    const machine = parseMachine(body);
    const reproduce = parseReproduce(body);
    if (machine) out.push(`**Machine:** ${machine}.`, '');
    if (reproduce) out.push(`**Reproduce:** ${reproduce}`, '');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/** Builds the report and writes it and its SVGs; returns the paths written. */
export function generateReport(options: ReportOptions = {}): string[] {
  const root = options.root ?? defaultRoot;
  const out = options.out ?? join(root, 'docs/benchmarks.md');
  const assets = options.assets ?? join(dirname(out), 'assets');
  const report = buildReport(root, relative(dirname(out), assets).split('\\').join('/'));
  mkdirSync(dirname(out), { recursive: true });
  mkdirSync(assets, { recursive: true });
  writeFileSync(out, report.markdown);
  const written = [out];
  for (const s of report.sections) {
    if (!s.svg) continue;
    const path = join(assets, `bench-${s.section.id}.svg`);
    writeFileSync(path, s.svg);
    written.push(path);
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const path of generateReport()) console.log(`wrote ${relative(process.cwd(), path)}`);
}
