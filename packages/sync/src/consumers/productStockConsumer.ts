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
 * import assert from 'node:assert/strict';
 * import {
 *   type ChangeEvent, Consumer, MemoryTransport, productStockConsumer, TransportSink,
 * } from '@mallkit/sync';
 * import { createPool, type RowDataPacket } from 'mysql2/promise';
 *
 * const db = createPool({ uri: process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test' });
 * await db.query('DROP TABLE IF EXISTS doc_sync_product_stock');
 * await db.query(`CREATE TABLE doc_sync_product_stock (sku VARCHAR(64) PRIMARY KEY,
 *   available INT NOT NULL, stock_version BIGINT NOT NULL)`);
 * const transport = new MemoryTransport();
 * const consumer = new Consumer({
 *   transport, topic: 'shop.stock_level', group: 'product-stock', name: 'node-1',
 *   handler: productStockConsumer({
 *     db, // a mysql2 Pool fits as it is
 *     table: 'doc_sync_product_stock',
 *     map: ({ after }) => after && {
 *       sku: String(after['sku']),
 *       available: Number(after['physical']) - Number(after['reserved']),
 *       version: Number(after['version']),
 *     },
 *   }),
 * });
 * const done = new Promise<void>((resolve) => consumer.events.on('handled', (e) => {
 *   if (e.id === 'binlog:2') resolve(); // the last one published
 * }));
 * await consumer.start();
 * const level = (version: number, physical: number): ChangeEvent => ({
 *   id: `binlog:${version}`, source: 'binlog', table: 'shop.stock_level', op: 'update',
 *   key: 'phone-128', after: { sku: 'phone-128', physical, reserved: 2, version },
 *   at: Date.now(), position: `binlog:${version}`,
 * });
 * await new TransportSink({ transport }).publish([level(1, 10), level(3, 7), level(2, 9)]);
 * await done;
 * const [rows] = await db.query<RowDataPacket[]>('SELECT * FROM doc_sync_product_stock');
 * // version 2 arrived after version 3: it did not overwrite it
 * assert.deepEqual([rows[0]?.['available'], rows[0]?.['stock_version']], [5, 3]);
 * await consumer.stop();
 * await db.query('DROP TABLE doc_sync_product_stock');
 * await db.end();
 * ```
 *
 * @group Consumers
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
