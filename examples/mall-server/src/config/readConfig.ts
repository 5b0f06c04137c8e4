import { hostname } from 'node:os';
import type { MallConfig } from './MallConfig.ts';

/** Environment variables the server reads, with their defaults (the libraries read none). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): MallConfig {
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const int = (name: string, fallback: number): number => {
    const value = text(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed) || parsed < 0) {
      throw new Error(`${name} must be a non-negative integer, got "${value}"`);
    }
    return parsed;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const value = text(name);
    return value === undefined ? fallback : value === '1' || value === 'true';
  };
  const embedded = text('REDIS_URL') === undefined && text('MYSQL_URL') === undefined;
  if ((text('REDIS_URL') === undefined) !== (text('MYSQL_URL') === undefined)) {
    throw new Error('set both REDIS_URL and MYSQL_URL (the real stack) or neither (embedded mode)');
  }
  return {
    port: int('PORT', 3000),
    host: text('HOST') ?? '127.0.0.1',
    redisUrl: text('REDIS_URL'),
    cdcSource: cdcSource(text('CDC_SOURCE'), embedded),
    redisPrefix: text('REDIS_PREFIX') ?? 'mall:',
    // a Cluster's masters have replicas: wait for one before answering `admitted`
    redisReplicas: int('REDIS_REPLICAS', text('REDIS_URL')?.startsWith('redis+cluster://') ? 1 : 0),
    mysqlUrl: text('MYSQL_URL'),
    mysqlReplicaUrls: (text('MYSQL_REPLICA_URLS') ?? '').split(',').filter((u) => u !== ''),
    sqlitePath: text('SQLITE_PATH') ?? ':memory:',
    serviceToken: text('SERVICE_TOKEN') ?? 'service-dev-token',
    adminToken: text('ADMIN_TOKEN') ?? 'admin-dev-token',
    instance: text('INSTANCE') ?? `${hostname()}-${process.pid}`,
    seedDemo: flag('SEED_DEMO', embedded),
    wmsUrl: text('WMS_URL'),
    wmsSimulator: flag('WMS_SIMULATOR', embedded),
    fullSyncEveryMs: int('FULL_SYNC_EVERY_MS', 10 * 60_000),
    flashClaimIdleMs: int('FLASH_CLAIM_IDLE_MS', 30_000),
    splitStrategy: splitStrategy(text('SPLIT_STRATEGY')),
    allowSplit: flag('ALLOW_SPLIT', true),
    reservationTtlMs: int('RESERVATION_TTL_MS', 15 * 60_000),
    maxBatch: int('MAX_BATCH', 200),
    bodyLimit: int('BODY_LIMIT', 256 * 1024),
    clientRps: int('CLIENT_RPS', 2_000),
    concurrency: int('CONCURRENCY', 512),
    logLevel: text('LOG_LEVEL') ?? 'info',
  };
}

function cdcSource(value: string | undefined, embedded: boolean): 'app' | 'binlog' {
  if (value === undefined || value === 'app') return 'app';
  if (value !== 'binlog') throw new Error(`CDC_SOURCE must be "app" or "binlog", got "${value}"`);
  if (embedded) throw new Error('CDC_SOURCE=binlog needs MYSQL_URL (SQLite has no binlog)');
  return 'binlog';
}

function splitStrategy(value: string | undefined): 'priority' | 'nearest' | 'mostStock' {
  if (value === undefined) return 'priority';
  if (value === 'priority' || value === 'nearest' || value === 'mostStock') return value;
  throw new Error(`SPLIT_STRATEGY must be "priority", "nearest" or "mostStock", got "${value}"`);
}
