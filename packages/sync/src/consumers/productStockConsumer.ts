import { SyncError } from '../errors/SyncError.js';
import type { ChangeHandler } from './ChangeHandler.js';
import type { ProductStockConsumerOptions } from './ProductStockConsumerOptions.js';
import type { ProductStockUpdate } from './ProductStockUpdate.js';
import { productStockUpsert } from './productStockUpsert.js';

/**
 * A {@link ChangeHandler} that applies stock changes to the product system's table with
 * an idempotent upsert guarded by version: the row is inserted when missing and
 * overwritten only by a strictly higher version. A redelivered change, one handled
 * twice by two members during a hand-over, or an old change replayed after a newer one
 * leaves the row as it is, so no deduplicator is needed.
 *
 * @example
 * ```ts
 * import { Consumer, productStockConsumer, type MessageTransport } from '@mallkit/sync';
 * import { createPool } from 'mysql2/promise';
 *
 * const db = createPool('mysql://sync@127.0.0.1/products');
 * const consumer = new Consumer({
 *   transport,
 *   topic: 'shop.stock_level',
 *   group: 'product-stock',
 *   name: 'node-1',
 *   handler: productStockConsumer({
 *     db,
 *     map: ({ after }) =>
 *       after && {
 *         sku: String(after['sku']),
 *         available: Number(after['physical']) - Number(after['reserved']),
 *         version: Number(after['version']),
 *       },
 *   }),
 * });
 * await consumer.start();
 * declare const transport: MessageTransport;
 * ```
 */
export function productStockConsumer(options: ProductStockConsumerOptions): ChangeHandler {
  const { db, map } = options ?? {};
  if (typeof db?.execute !== 'function' || typeof map !== 'function') {
    throw new SyncError('INVALID_OPTION', 'productStockConsumer: db and map are required');
  }
  const dialect = options.dialect ?? 'mysql';
  if (!['mysql', 'sqlite', 'postgres'].includes(dialect)) {
    throw new SyncError(
      'INVALID_OPTION',
      `productStockConsumer: unknown dialect ${String(dialect)}`,
    );
  }
  const sql = productStockUpsert({
    table: options.table ?? 'product_stock',
    sku: options.skuColumn ?? 'sku',
    available: options.availableColumn ?? 'available',
    version: options.versionColumn ?? 'stock_version',
    dialect,
  });
  return async (change) => {
    const mapped = map(change);
    const updates = mapped === undefined ? [] : Array.isArray(mapped) ? mapped : [mapped];
    for (const update of updates as readonly ProductStockUpdate[]) {
      if (typeof update.sku !== 'string' || !Number.isFinite(update.available)) {
        throw new SyncError(
          'INVALID_MESSAGE',
          `productStockConsumer: change ${change.id} maps to an invalid update`,
        );
      }
      const version =
        typeof update.version === 'bigint' ? update.version.toString() : update.version;
      await db.execute(sql, [update.sku, update.available, version]);
    }
  };
}
