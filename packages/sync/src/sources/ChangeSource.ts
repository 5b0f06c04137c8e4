import type { ChangeSink } from './ChangeSink.js';

/**
 * A producer of changes: the MySQL binlog, a transactional outbox table, a
 * snapshot of tables. It resumes from its checkpoint and never advances the
 * checkpoint past a change its sink has not accepted.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import {
 *   CdcPipeline, type ChangeEvent, type ChangeSink, type ChangeSource, MemoryCheckpointStore,
 *   MemoryTransport,
 * } from '@mallkit/sync';
 *
 * // A source of your own: the price list of a legacy system, resumed from a checkpoint
 * const prices = [{ sku: 'phone-128', price: 899 }, { sku: 'case-128', price: 19 }];
 * const checkpoints = new MemoryCheckpointStore();
 * const source: ChangeSource = {
 *   name: 'legacy-prices',
 *   async start(sink: ChangeSink) {
 *     const from = Number((await checkpoints.load('legacy-prices')) ?? 0);
 *     const changes: ChangeEvent[] = prices.slice(from).map((row, i) => ({
 *       id: `legacy-prices:${from + i}`, source: 'legacy-prices', table: 'legacy.prices',
 *       op: 'update', key: row.sku, after: row, at: Date.now(), position: String(from + i + 1),
 *     }));
 *     await sink.publish(changes); // only once the sink accepted them...
 *     await checkpoints.save('legacy-prices', String(prices.length)); // ...may the checkpoint move
 *   },
 *   async stop() {},
 * };
 * const pipeline = new CdcPipeline({ source, transport: new MemoryTransport() });
 * await pipeline.start();
 * await pipeline.stop();
 * assert.equal(pipeline.status().published, 2);
 * assert.equal(await checkpoints.load('legacy-prices'), '2'); // a restart sends nothing again
 * ```
 *
 * @group Sources
 */
export interface ChangeSource {
  /** Name, used in change ids, checkpoints, events and metrics. */
  readonly name: string;
  /** Starts delivering to `sink`; resolves once the source runs. */
  start(sink: ChangeSink): Promise<void>;
  /** Stops, waiting for the batch in flight; the checkpoint covers everything the sink accepted. */
  stop(): Promise<void>;
}
