import { MemoryBus, MemoryL2 } from '@mallkit/cache';
import { MemoryLockProvider } from '@mallkit/stock';
import { openSqliteStock } from '@mallkit/stock/sqlite';
import { MemoryDeduplicator, MemoryLeaseProvider, MemoryTransport } from '@mallkit/sync';
import { type Kysely, sql } from 'kysely';
import type { MallDatabase } from '../catalog/MallDatabase.ts';
import type { MallConfig } from '../config/MallConfig.ts';
import type { MallStack } from './MallStack.ts';

/**
 * The embedded mode: SQLite through Node's own `node:sqlite` and the packages'
 * in-process adapters. No server, no compiler, no download.
 */
export function openEmbeddedStack(config: MallConfig): MallStack {
  const db = openSqliteStock({ path: config.sqlitePath }) as unknown as Kysely<MallDatabase>;
  return {
    mode: 'embedded',
    dialect: 'sqlite',
    db,
    readDb: db,
    l2: new MemoryL2(),
    bus: new MemoryBus(),
    transport: new MemoryTransport(),
    locks: new MemoryLockProvider(),
    leases: new MemoryLeaseProvider(),
    dedup: new MemoryDeduplicator(),
    switchBus: undefined,
    flashSale: undefined,
    outboxPool: undefined,
    probe: async () => ({
      redis: true,
      db: await sql`SELECT 1`.execute(db).then(
        () => true,
        () => false,
      ),
    }),
    close: () => db.destroy(),
  };
}
