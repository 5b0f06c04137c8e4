import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TestDatabase } from '@mallkit/internal-harness';
import { harness } from '@mallkit/internal-harness/vitest';
import { afterAll, beforeAll, describe, it } from 'vitest';

// Every ```ts block of the guides in docs/ and of the packages' READMEs runs here, as its
// own module, against this run's private Redis (standalone and Cluster) and a MySQL
// database of its own. Samples read where the servers are from the environment, with a
// default a reader can use: `process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'`,
// `process.env.REDIS_CLUSTER` (comma-separated host:port seeds), `process.env.MYSQL_URL`.
// They check what they claim with node:assert, use key prefixes of their own and close
// what they open.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const out = join(root, '.samples');

function* markdown(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'api') yield* markdown(path);
    else if (entry.name.endsWith('.md')) yield path;
  }
}

function collect(file: string) {
  return [...readFileSync(file, 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((match, i) => ({
    name: `${relative(root, file)} #${i + 1}`,
    code: match[1] ?? '',
    module: `${relative(root, file).replace(/[/.]/g, '_')}_${i + 1}.ts`,
  }));
}

const guides = [...markdown(join(root, 'docs'))].flatMap(collect);
const readmes = readdirSync(join(root, 'packages'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => join(root, 'packages', entry.name, 'README.md'))
  .filter((file) => existsSync(file))
  .flatMap(collect);
const samples = [...guides, ...readmes];

describe('the guides’ and READMEs’ samples run', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    const { redis, cluster, mysql } = harness();
    database = await TestDatabase.create(mysql.serverUrl, 'docs');
    process.env['REDIS_URL'] = redis.url;
    process.env['REDIS_CLUSTER'] = cluster.seeds.map((s) => `${s.host}:${s.port}`).join(',');
    process.env['MYSQL_URL'] = database.url;
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('finds samples in docs/ and in the packages’ READMEs', () => {
    if (guides.length === 0) throw new Error('no ```ts sample in docs/');
    if (readmes.length === 0) throw new Error('no ```ts sample in packages/*/README.md');
  });

  for (const sample of samples) {
    it(sample.name, async () => {
      const path = join(out, sample.module);
      writeFileSync(path, `// from ${sample.name}\n${sample.code}\nexport {};\n`);
      await import(pathToFileURL(path).href);
    });
  }
});
