import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MariaDbServer, TestDatabase } from '@mallkit/internal-harness';
import { harness } from '@mallkit/internal-harness/vitest';
import { afterAll, beforeAll, describe, it } from 'vitest';

// Every ```ts sample runs here, as its own module, against this run's private Redis
// (standalone and Cluster) and a MySQL database of its own: the guides in docs/, the
// packages' READMEs, and the `@example`s in the TSDoc of the packages' sources (the API
// site). Samples read where the servers are from the environment, with a default a reader
// can use: `process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379'`, `REDIS_CLUSTER`
// (comma-separated host:port seeds), `MYSQL_URL`, and `BINLOG_MYSQL_URL` (a MySQL with a
// ROW binary log, for change data capture). They check what they claim with node:assert,
// use key prefixes of their own and close what they open.

/** One sample: where it is written, and its code. */
export interface Sample {
  name: string;
  module: string;
  code: string;
}

export const root = fileURLToPath(new URL('../../../', import.meta.url));

function* files(dir: string, suffix: string, skip: (name: string) => boolean): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !skip(entry.name)) yield* files(path, suffix, skip);
    else if (entry.isFile() && entry.name.endsWith(suffix) && !skip(entry.name)) yield path;
  }
}

function samplesOf(file: string, blocks: string[]): Sample[] {
  const at = relative(root, file);
  return blocks.map((code, i) => ({
    name: `${at} #${i + 1}`,
    module: `${at.replace(/[/.]/g, '_')}_${i + 1}.ts`,
    code,
  }));
}

const fenced = (text: string) => [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

/** The ```ts blocks of docs/ (not the generated API site) and of the packages' READMEs. */
export function markdownSamples(): Sample[] {
  const guides = [...files(join(root, 'docs'), '.md', (name) => name === 'api')];
  const readmes = readdirSync(join(root, 'packages'))
    .map((pkg) => join(root, 'packages', pkg, 'README.md'))
    .filter((file) => existsSync(file));
  return [...guides, ...readmes].flatMap((file) =>
    samplesOf(file, fenced(readFileSync(file, 'utf8'))),
  );
}

/** The ```ts blocks in the TSDoc comments of one package's sources (tests excluded). */
export function tsdocSamples(pkg: string): Sample[] {
  const sources = files(join(root, 'packages', pkg, 'src'), '.ts', (name) =>
    name.endsWith('.test.ts'),
  );
  return [...sources].flatMap((file) => {
    const comments = readFileSync(file, 'utf8').match(/\/\*\*[\s\S]*?\*\//g) ?? [];
    const bodies = comments.map((comment) => comment.replace(/^\s*\/?\*+\/? ?/gm, ''));
    return samplesOf(file, bodies.flatMap(fenced));
  });
}

/** Runs each sample as a test of its own, with the servers in the environment. */
export function runSamples(title: string, samples: Sample[]): void {
  describe(title, () => {
    const out = join(root, '.samples', `${process.pid}-${title.replace(/[^a-z0-9]+/gi, '-')}`);
    let database: TestDatabase | undefined;
    let binlog: MariaDbServer | undefined;

    beforeAll(async () => {
      const { redis, cluster, mysql } = harness();
      database = await TestDatabase.create(mysql.serverUrl, 'docs');
      process.env['REDIS_URL'] = redis.url;
      process.env['REDIS_CLUSTER'] = cluster.seeds.map((s) => `${s.host}:${s.port}`).join(',');
      process.env['MYSQL_URL'] = database.url;
      if (samples.some((sample) => sample.code.includes('BINLOG_MYSQL_URL'))) {
        binlog = await MariaDbServer.start({ name: 'doc-samples-binlog' });
        process.env['BINLOG_MYSQL_URL'] = binlog.url;
      }
      rmSync(out, { recursive: true, force: true });
      mkdirSync(out, { recursive: true });
    });
    afterAll(async () => {
      await database?.drop();
      await binlog?.stop();
      rmSync(out, { recursive: true, force: true });
    });

    it('finds samples', () => {
      if (samples.length === 0) throw new Error(`no \`\`\`ts sample for ${title}`);
    });

    for (const sample of samples) {
      it(sample.name, async () => {
        const path = join(out, sample.module);
        writeFileSync(path, `// from ${sample.name}\n${sample.code}\nexport {};\n`);
        await import(pathToFileURL(path).href);
      });
    }
  });
}
