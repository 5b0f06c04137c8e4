/**
 * A snapshot of a {@link CdcPipeline}'s progress, from {@link CdcPipeline.status}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { CdcPipeline, type CdcPipelineStatus, type ChangeEvent, type ChangeSource } from '@mallkit/sync';
 *
 * const change = (n: number): ChangeEvent => ({
 *   id: `prices:${n}`, source: 'prices', table: 'shop.prices', op: 'update', key: `sku-${n}`,
 *   after: { price: n }, at: 4_000, position: `p-${n}`,
 * });
 * // a one-shot source; a BinlogSource or OutboxSource in production
 * const source: ChangeSource = {
 *   name: 'prices',
 *   start: (sink) => sink.publish([change(1), change(2)]),
 *   stop: async () => {},
 * };
 * const pipeline = new CdcPipeline({ source, sink: { publish: async () => {} }, now: () => 5_000 });
 * assert.equal(pipeline.status().state, 'idle');
 * await pipeline.start();
 *
 * const status: CdcPipelineStatus = pipeline.status(); // e.g. for a health endpoint
 * assert.equal(status.state, 'running');
 * assert.deepEqual([status.published, status.filtered, status.failures], [2, 0, 0]);
 * assert.equal(status.lastPosition, 'p-2'); // the source checkpoints up to here
 * assert.equal(status.lagMs, 1_000); // accepted at 5 000, committed at 4 000
 * const healthy = status.state === 'running' && (status.lagMs ?? 0) < 60_000;
 * assert.ok(healthy);
 * await pipeline.stop();
 * assert.equal(pipeline.status().state, 'stopped');
 * ```
 *
 * @group Pipeline
 */
export interface CdcPipelineStatus {
  /** `'idle'` before start, `'running'`, `'stopping'`, `'stopped'`; `'failed'` when the source could not start. */
  state: 'idle' | 'running' | 'stopping' | 'stopped' | 'failed';
  /** The source's name. */
  source: string;
  /** Position of the last change the target accepted (the source checkpoints up to it). */
  lastPosition: string | undefined;
  /** When the last accepted change was committed at the source (epoch ms). */
  lastChangeAt: number | undefined;
  /** When the target last accepted a batch (epoch ms). */
  lastPublishedAt: number | undefined;
  /**
   * Replication lag of the last accepted batch: how long after its newest change
   * was committed the target accepted it, in ms.
   */
  lagMs: number | undefined;
  /** Changes the target accepted. */
  published: number;
  /** Changes the filter dropped. */
  filtered: number;
  /** Batches the target rejected (the source re-sends them). */
  failures: number;
  /** The last rejection, cleared by the next accepted batch. */
  lastError: unknown;
}
