import type { CacheBus, L2Store } from '@mallkit/cache';
import type { SwitchBus } from '@mallkit/resilience';
import type { LockProvider } from '@mallkit/stock';
import type { RedisFlashSale } from '@mallkit/stock/redis';
import type { Deduplicator, LeaseProvider, MessageTransport } from '@mallkit/sync';
import type { Kysely } from 'kysely';
import type { MallDatabase } from '../catalog/MallDatabase.ts';

/**
 * The adapters the server runs on: the real stack (Redis + MySQL) or the embedded one
 * (SQLite + in-process adapters). Everything above this line is the same code for both.
 */
export interface MallStack {
  mode: 'real' | 'embedded';
  /** SQL dialect of `db`, for the few raw statements. */
  dialect: 'mysql' | 'sqlite';
  /** The primary: every write, and reads that must see the last write. */
  db: Kysely<MallDatabase>;
  /** The replica pool (the primary when there is none): catalogue reads on a cache miss. */
  readDb: Kysely<MallDatabase>;
  /** L2 of the caches. */
  l2: L2Store;
  /** Invalidation bus between instances. */
  bus: CacheBus;
  /** Message stream of the change feed. */
  transport: MessageTransport;
  /** Distributed lock of the lock strategy. */
  locks: LockProvider;
  /** Leases of the scheduled warehouse sync. */
  leases: LeaseProvider;
  /** Processed-change memory of the feed's consumers. */
  dedup: Deduplicator;
  /** Shares degradation switches between instances (none: this instance only). */
  switchBus: SwitchBus | undefined;
  /** Flash sales on Redis + Lua (real stack only; the embedded mode sells activities in SQL). */
  flashSale: ((service: import('@mallkit/stock').StockService) => RedisFlashSale) | undefined;
  /** The primary's mysql2 promise pool, for the outbox relay (real stack only). */
  outboxPool: import('mysql2/promise').Pool | undefined;
  /** Probes the dependencies for `/ready`. */
  probe(): Promise<{ redis: boolean; db: boolean }>;
  /** Closes what the stack opened. */
  close(): Promise<void>;
}
