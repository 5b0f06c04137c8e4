/**
 * Typed events of {@link CdcPipeline}, also on `diagnostics_channel` as `mallkit:sync:pipeline:<name>`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { CdcPipeline } from '@mallkit/sync';
 * import { createOutboxTable, OutboxSource, writeOutbox } from '@mallkit/sync/mysql';
 * import { createPool } from 'mysql2/promise';
 *
 * const pool = createPool({ uri: process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test' });
 * await pool.query('DROP TABLE IF EXISTS doc_pipeline_events');
 * await createOutboxTable(pool, 'doc_pipeline_events');
 * await writeOutbox(pool, [{ topic: 'orders', key: 'SO-1', payload: { status: 'paid' } }], 'doc_pipeline_events');
 *
 * let calls = 0; // a target that is down once (Redis restarting)
 * const pipeline = new CdcPipeline({
 *   source: new OutboxSource({ pool, table: 'doc_pipeline_events', name: 'orders', retryDelayMs: 10 }),
 *   sink: { publish: async () => { if (++calls === 1) throw new Error('Redis restarting'); } },
 * });
 * const log: string[] = [];
 * pipeline.events.on('started', ({ source }) => log.push(`started ${source}`));
 * pipeline.events.on('publishFailed', ({ count, error }) => log.push(`${count} rejected: ${error}`));
 * pipeline.events.on('published', ({ count, filtered }) => log.push(`published ${count}, ${filtered} filtered`));
 * pipeline.events.on('stopped', ({ source }) => log.push(`stopped ${source}`));
 * const published = new Promise((resolve) => pipeline.events.on('published', resolve));
 * await pipeline.start();
 * await published; // the source sent the rejected batch again
 * await pipeline.stop();
 * assert.deepEqual(log, [
 *   'started orders',
 *   '1 rejected: Error: Redis restarting',
 *   'published 1, 0 filtered',
 *   'stopped orders',
 * ]);
 * await pool.query('DROP TABLE doc_pipeline_events');
 * await pool.end();
 * ```
 *
 * @group Pipeline
 */
export interface CdcPipelineEvents {
  /** The source runs. */
  started: {
    /** The source's name. */
    source: string;
  };
  /** The target accepted a batch. */
  published: {
    /** The source's name. */
    source: string;
    /** Changes published. */
    count: number;
    /** Changes the filter dropped from the batch. */
    filtered: number;
    /** Position of the batch's last change. */
    position: string;
    /** Replication lag of the batch, in ms (see {@link CdcPipelineStatus.lagMs}). */
    lagMs: number;
    /** How long the target took, in ms. */
    durationMs: number;
  };
  /** The target rejected a batch; the source re-sends it. */
  publishFailed: {
    /** The source's name. */
    source: string;
    /** Changes in the rejected batch. */
    count: number;
    /** The rejection. */
    error: unknown;
  };
  /** The source stopped. */
  stopped: {
    /** The source's name. */
    source: string;
  };
}
