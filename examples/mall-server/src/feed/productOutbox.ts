import { CdcPipeline, type MessageTransport } from '@mallkit/sync';
import { createOutboxTable, OutboxSource, writeOutbox } from '@mallkit/sync/mysql';
import { CompiledQuery } from 'kysely';
import type { Pool } from 'mysql2/promise';
import type { ProductWriteHook } from '../catalog/ProductRepository.ts';
import { changeTopic } from './ChangeFeed.ts';

/** The outbox table of product changes. */
export const productOutboxTable = 'mall_outbox';

/** Writes a product's change to the outbox inside the product write's transaction. */
export const productOutboxHook: ProductWriteHook = (trx, sku, version) =>
  writeOutbox(
    { query: (text, values) => trx.executeQuery(CompiledQuery.raw(text, values)) },
    [{ topic: 'product', key: sku, payload: { sku, version } }],
    productOutboxTable,
  );

/**
 * Relays the outbox to the change feed: every instance runs one, the named lock lets one
 * relay at a time, rows go out in id order and are deleted once the stream has them.
 */
export async function startProductOutbox(options: {
  pool: Pool;
  transport: MessageTransport;
}): Promise<CdcPipeline> {
  await createOutboxTable(options.pool, productOutboxTable);
  const pipeline = new CdcPipeline({
    source: new OutboxSource({
      pool: options.pool,
      table: productOutboxTable,
      name: 'product-outbox',
      pollIntervalMs: 100,
    }),
    transport: options.transport,
    topic: changeTopic,
  });
  await pipeline.start();
  return pipeline;
}
