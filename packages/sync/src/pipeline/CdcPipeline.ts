import { EventHub } from '@mallkit/resilience';
import type { ChangeEvent } from '../changes/ChangeEvent.js';
import { SyncError } from '../errors/SyncError.js';
import { ChangeFilter } from '../filters/ChangeFilter.js';
import type { ChangeSink } from '../sources/ChangeSink.js';
import type { ChangeSource } from '../sources/ChangeSource.js';
import type { CdcPipelineEvents } from './CdcPipelineEvents.js';
import type { CdcPipelineOptions } from './CdcPipelineOptions.js';
import type { CdcPipelineStatus } from './CdcPipelineStatus.js';
import { TransportSink } from './TransportSink.js';

/**
 * Source → filter → target: runs a {@link ChangeSource} into a
 * {@link MessageTransport} (or any {@link ChangeSink}), dropping and trimming
 * changes with a {@link ChangeFilter} on the way, and keeps a status (last
 * position, last change time, lag, counts, last error) plus typed events. The
 * source only checkpoints past what the target accepted; when the target
 * fails (Redis restarting), the source retries the batch and, while it waits,
 * stops reading: nothing is lost and memory stays bounded.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { CdcPipeline, type ChangeEvent, MemoryTransport } from '@mallkit/sync';
 * import { BinlogSource } from '@mallkit/sync/mysql';
 * import { createPool } from 'mysql2/promise';
 *
 * const url = process.env['BINLOG_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306';
 * const pool = createPool({ uri: url });
 * await pool.query('DROP DATABASE IF EXISTS doc_cdc_pipeline');
 * await pool.query('CREATE DATABASE doc_cdc_pipeline');
 * await pool.query('CREATE TABLE doc_cdc_pipeline.products (id INT PRIMARY KEY, price INT, cost_price INT)');
 *
 * const transport = new MemoryTransport(); // across processes: RedisStreamTransport of @mallkit/sync/redis
 * const pipeline = new CdcPipeline({
 *   source: new BinlogSource({ connection: url, pool }), // + a MysqlCheckpointStore in production
 *   transport,
 *   filter: { tables: ['doc_cdc_pipeline.*'], excludeColumns: { '*': ['cost_price'] } },
 *   topic: (change) => `cdc.${change.table}`,
 * });
 * pipeline.events.on('publishFailed', ({ error }) => console.warn('transport down, retrying', error));
 * const bodies: string[] = []; // a consumer of the topic (see Consumer)
 * const subscription = await transport.subscribe('cdc.doc_cdc_pipeline.products', 'search', 'node-1',
 *   async (batch) => { bodies.push(...batch.map((message) => message.body)); });
 * const acked = new Promise((resolve) => transport.events.on('acked', resolve));
 *
 * await pipeline.start();
 * await pool.query('INSERT INTO doc_cdc_pipeline.products VALUES (1, 999, 610)');
 * await acked;
 * const change = JSON.parse(bodies[0] ?? '{}') as ChangeEvent;
 * assert.deepEqual([change.op, change.key, change.after], ['insert', '1', { id: 1, price: 999 }]);
 * assert.equal(pipeline.status().published, 1);
 * await pipeline.stop();
 * await subscription.close();
 * await pool.query('DROP DATABASE doc_cdc_pipeline');
 * await pool.end();
 * ```
 *
 * @group Pipeline
 */
export class CdcPipeline {
  /** Typed events. */
  readonly events = new EventHub<CdcPipelineEvents>('mallkit:sync:pipeline');
  readonly #source: ChangeSource;
  readonly #target: ChangeSink;
  readonly #filter: ChangeFilter;
  readonly #now: () => number;
  readonly #status: CdcPipelineStatus;

  /** @param options - source, target and filter */
  constructor(options: CdcPipelineOptions) {
    const { transport, sink } = options;
    if (sink && !transport) this.#target = sink;
    else if (transport && !sink) {
      this.#target = new TransportSink({
        transport,
        ...(options.topic !== undefined && { topic: options.topic }),
        ...(options.encode !== undefined && { encode: options.encode }),
      });
    } else {
      throw new SyncError('INVALID_OPTION', 'CdcPipeline needs exactly one of transport or sink');
    }
    this.#source = options.source;
    this.#filter =
      options.filter instanceof ChangeFilter ? options.filter : new ChangeFilter(options.filter);
    this.#now = options.now ?? Date.now;
    this.#status = {
      state: 'idle',
      source: options.source.name,
      lastPosition: undefined,
      lastChangeAt: undefined,
      lastPublishedAt: undefined,
      lagMs: undefined,
      published: 0,
      filtered: 0,
      failures: 0,
      lastError: undefined,
    };
  }

  /** The pipeline's progress (a copy). */
  status(): CdcPipelineStatus {
    return { ...this.#status };
  }

  /** Starts the source; resolves once it runs, rejects (state `'failed'`) when it cannot start. */
  async start(): Promise<void> {
    if (this.#status.state === 'running') return;
    this.#status.state = 'running';
    try {
      await this.#source.start({ publish: (changes) => this.#publish(changes) });
    } catch (error) {
      this.#status.state = 'failed';
      this.#status.lastError = error;
      throw error;
    }
    this.events.emit('started', { source: this.#source.name });
  }

  /** Stops the source, waiting for the batch in flight. */
  async stop(): Promise<void> {
    if (this.#status.state !== 'running') return;
    this.#status.state = 'stopping';
    try {
      await this.#source.stop();
    } finally {
      this.#status.state = 'stopped';
      this.events.emit('stopped', { source: this.#source.name });
    }
  }

  async #publish(changes: readonly ChangeEvent[]): Promise<void> {
    const last = changes.at(-1);
    if (!last) return;
    const kept = this.#filter.applyAll(changes);
    const started = this.#now();
    if (kept.length > 0) {
      try {
        await this.#target.publish(kept);
      } catch (error) {
        this.#status.failures++;
        this.#status.lastError = error;
        this.events.emit('publishFailed', {
          source: this.#source.name,
          count: kept.length,
          error,
        });
        throw error;
      }
    }
    const now = this.#now();
    const status = this.#status;
    status.published += kept.length;
    status.filtered += changes.length - kept.length;
    status.lastPosition = last.position;
    status.lastChangeAt = last.at;
    status.lastPublishedAt = now;
    status.lagMs = Math.max(0, now - last.at);
    status.lastError = undefined;
    this.events.emit('published', {
      source: this.#source.name,
      count: kept.length,
      filtered: changes.length - kept.length,
      position: last.position,
      lagMs: status.lagMs,
      durationMs: now - started,
    });
  }
}
