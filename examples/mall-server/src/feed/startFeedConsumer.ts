import {
  type ChangeHandler,
  Consumer,
  type Deduplicator,
  type MessageTransport,
  productStockConsumer,
  type SqlExecutor,
} from '@mallkit/sync';
import type { ProductService } from '../catalog/ProductService.ts';
import { type ChangeFeed, changeTopic } from './ChangeFeed.ts';

/** Settings of the product system's consumer of the change feed. */
export interface FeedConsumerOptions {
  transport: MessageTransport;
  dedup: Deduplicator;
  /** This instance's member name in the group. */
  instance: string;
  /** The product system's database, for its stock view. */
  sql: SqlExecutor;
  dialect: 'mysql' | 'sqlite';
  products: ProductService;
  /** Reads a SKU's totals when a change does not carry them (binlog row images). */
  feed: ChangeFeed;
}

/**
 * The product system's side of the feed: stock changes update its `product_stock`
 * view (a versioned upsert), and every change refreshes the product's cache entry from
 * the primary. One group for all instances: each change is handled once, and the cache
 * refresh's broadcast reaches every instance's L1.
 */
export async function startFeedConsumer(options: FeedConsumerOptions): Promise<Consumer> {
  const stockView = productStockConsumer({
    db: options.sql,
    dialect: options.dialect,
    map: (change) =>
      change.after !== undefined
        ? {
            sku: String(change.after['sku']),
            available: Number(change.after['sellable']),
            version: Number(change.after['version']),
          }
        : undefined,
  });
  const handler: ChangeHandler = async (change, delivery) => {
    const table = change.table.slice(change.table.lastIndexOf('.') + 1);
    if (table !== 'stock_level') {
      await options.products.refresh(change.key);
      return;
    }
    // the server's own events carry the SKU's totals; a binlog row image is one row of
    // one warehouse and shard, so the totals are read from the primary
    const image = change.after ?? change.before ?? {};
    const sku = String(image['sku']);
    const totals =
      image['sellable'] === undefined ? (await options.feed.totals([sku]))[0] : { sku, ...image };
    if (totals !== undefined) await stockView({ ...change, table, after: { ...totals } }, delivery);
    await options.products.refresh(sku);
  };
  const consumer = new Consumer({
    transport: options.transport,
    topic: changeTopic,
    group: 'product-system',
    name: options.instance,
    handler,
    deduplicator: options.dedup,
    // a database outage must not dead-letter the feed: keep retrying for about 10 minutes
    delivery: { maxDeliveries: 30, retryDelayMs: 500, maxRetryDelayMs: 30_000 },
  });
  await consumer.start();
  return consumer;
}
