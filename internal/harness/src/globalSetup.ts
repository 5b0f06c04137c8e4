import type { TestProject } from 'vitest/node';
import './context.js';
import { RedisCluster } from './RedisCluster.js';
import { RedisServer } from './RedisServer.js';
import { DEFAULT_MYSQL_URL, TestDatabase } from './TestDatabase.js';

/**
 * Starts the integration project's shared servers — a standalone Redis, a 3x1 Redis
 * Cluster and a MySQL database of the run's own — and tears them down afterwards.
 * A missing server fails the run at once with what to install or set.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env['MYSQL_URL'] ?? DEFAULT_MYSQL_URL;
  const [redis, cluster, database] = await Promise.allSettled([
    RedisServer.start({ name: 'standalone' }),
    RedisCluster.start({ name: 'shared-cluster' }),
    TestDatabase.create(serverUrl),
  ]);
  const teardown = async () => {
    await Promise.allSettled([
      redis.status === 'fulfilled' ? redis.value.stop() : undefined,
      cluster.status === 'fulfilled' ? cluster.value.stop() : undefined,
      database.status === 'fulfilled' ? database.value.drop() : undefined,
    ]);
  };
  if (
    redis.status === 'rejected' ||
    cluster.status === 'rejected' ||
    database.status === 'rejected'
  ) {
    await teardown();
    const reasons = [redis, cluster, database].flatMap((r) =>
      r.status === 'rejected' ? [r.reason] : [],
    );
    throw new AggregateError(
      reasons,
      reasons.map((r) => String(r instanceof Error ? r.message : r)).join('\n'),
    );
  }
  project.provide('harness', {
    redis: { host: redis.value.host, port: redis.value.port, url: redis.value.url },
    cluster: { seeds: cluster.value.seeds },
    mysql: { url: database.value.url, database: database.value.name, serverUrl },
  });
  return teardown;
}
