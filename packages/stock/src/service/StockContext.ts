import type { EventHub } from '@mallkit/resilience';
import type { Kysely } from 'kysely';
import type { SkuCatalog } from '../catalog/SkuCatalog.js';
import type { SkuInfo } from '../catalog/SkuInfo.js';
import type { SqlDialect } from '../dialect/SqlDialect.js';
import type { StockEvents } from '../events/StockEvents.js';
import type { StockDatabase } from '../schema/StockDatabase.js';

/** What the service's operations share: the database, the catalog, the clock and the events. */
export interface StockContext {
  db: Kysely<StockDatabase>;
  dialect: SqlDialect;
  catalog: SkuCatalog;
  events: EventHub<StockEvents>;
  /** Wall clock in epoch ms. */
  now(): number;
  /** Runs the low-stock check after a committed write. */
  afterWrite(skus: Iterable<SkuInfo>): Promise<void>;
  /** The SKU's info, after checking that the SKU and the warehouse exist. */
  locate(sku: unknown, warehouse: unknown): Promise<SkuInfo>;
  /** The SKU's rows in a warehouse, as admin writes address them. */
  target(info: SkuInfo, warehouse: string): { sku: string; warehouse: string; shards: number };
}
