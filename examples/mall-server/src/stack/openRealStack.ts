import { RedisBus, RedisL2 } from '@mallkit/cache/redis';
import { RedisSwitchBus } from '@mallkit/resilience';
import { RedisFlashSale, RedisLockProvider } from '@mallkit/stock/redis';
import { RedisDeduplicator, RedisLeaseProvider, RedisStreamTransport } from '@mallkit/sync/redis';
import { Cluster, Redis } from 'ioredis';
import { Kysely, MysqlDialect, sql } from 'kysely';
import { createPool } from 'mysql2';
import type { MallDatabase } from '../catalog/MallDatabase.ts';
import type { MallConfig } from '../config/MallConfig.ts';
import type { MallStack } from './MallStack.ts';
import { parseRedisUrl } from './parseRedisUrl.ts';
import { ReplicaPool } from './ReplicaPool.ts';

/** The real stack: Redis (standalone or Cluster) and MySQL/MariaDB, with optional read replicas. */
export function openRealStack(
  config: MallConfig & { redisUrl: string; mysqlUrl: string },
): MallStack {
  const target = parseRedisUrl(config.redisUrl);
  const redis =
    target.kind === 'cluster'
      ? new Cluster(target.seeds, {
          redisOptions: target.password === undefined ? {} : { password: target.password },
          scaleReads: 'master',
        })
      : new Redis(target.url, { maxRetriesPerRequest: 2 });
  // Connection errors are reported by /ready, the breakers and the metrics; ioredis only
  // needs a listener so that it does not print them itself.
  redis.on('error', () => undefined);
  const primaryPool = createPool({ uri: config.mysqlUrl, connectionLimit: 24, dateStrings: true });
  const db = new Kysely<MallDatabase>({ dialect: new MysqlDialect({ pool: primaryPool }) });
  const replicaPools = config.mysqlReplicaUrls.map((uri) =>
    createPool({ uri, connectionLimit: 16 }),
  );
  const readDb =
    replicaPools.length === 0
      ? db
      : new Kysely<MallDatabase>({
          dialect: new MysqlDialect({ pool: new ReplicaPool(replicaPools, primaryPool) }),
        });
  const transport = new RedisStreamTransport({
    redis,
    keyPrefix: `${config.redisPrefix}sync:`,
    partitions: 4,
  });
  return {
    mode: 'real',
    dialect: 'mysql',
    db,
    readDb,
    l2: new RedisL2(redis),
    bus: new RedisBus(redis, { channel: `${config.redisPrefix}cache:bus` }),
    transport,
    locks: new RedisLockProvider(redis),
    leases: new RedisLeaseProvider(redis, `${config.redisPrefix}lease:`),
    dedup: new RedisDeduplicator({
      redis,
      namespace: 'product-system',
      keyPrefix: `${config.redisPrefix}dedup:`,
      ttlMs: 60 * 60_000, // redeliveries come within minutes; a day of marks costs GBs at volume
    }),
    switchBus: new RedisSwitchBus(redis, {
      key: `${config.redisPrefix}switches`,
      channel: `${config.redisPrefix}switches`,
    }),
    flashSale: (service) =>
      new RedisFlashSale({
        redis,
        service,
        prefix: `${config.redisPrefix}flash`,
        replicas: config.redisReplicas,
      }),
    outboxPool: primaryPool.promise(),
    probe: async () => {
      const [redisUp, dbUp] = await Promise.all([
        redis.ping().then(
          () => true,
          () => false,
        ),
        sql`SELECT 1`.execute(db).then(
          () => true,
          () => false,
        ),
      ]);
      return { redis: redisUp, db: dbUp };
    },
    close: async () => {
      if (readDb !== db) await readDb.destroy();
      await db.destroy();
      redis.disconnect();
    },
  };
}
