import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MariaDbServer, TestDatabase } from '@mallkit/internal-harness';
import { harness } from '@mallkit/internal-harness/vitest';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { moduleText, type Sample } from '../src/findSamples.ts';

// Every ```ts sample runs here, as its own module, against this run's private Redis
// (standalone and Cluster) and a MySQL database of its own: the guides in docs/, the
// packages' READMEs, and the `@example`s in the TSDoc of the packages' sources (the API
// site). Samples read where the servers are from the environment, with a default a reader
// can use: `process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379'`, `REDIS_CLUSTER`
// (comma-separated host:port seeds), `MYSQL_URL`, and `BINLOG_MYSQL_URL` (a MySQL with a
// ROW binary log, for change data capture). They check what they claim with node:assert,
// use key prefixes of their own and close what they open.

export const root = fileURLToPath(new URL('../../../', import.meta.url));

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
        writeFileSync(path, moduleText(sample));
        await import(pathToFileURL(path).href);
      });
    }
  });
}
