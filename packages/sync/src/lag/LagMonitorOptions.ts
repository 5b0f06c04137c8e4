import type { LagSource } from './LagSource.js';

/**
 * Settings of a {@link LagMonitor}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { LagMonitor, type LagMonitorOptions, MemoryTransport } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport();
 * const options: LagMonitorOptions = {
 *   source: transport,
 *   topic: 'shop.stock_level',
 *   group: 'search-index',
 *   intervalMs: 10_000,
 * };
 * const monitor = new LagMonitor(options);
 * const lag = await monitor.check(); // one measurement now, without the timer
 * assert.equal(lag.group, 'search-index');
 * assert.equal(lag.messages, 0);
 * assert.throws(() => new LagMonitor({ ...options, intervalMs: 0 }), { code: 'INVALID_OPTION' });
 * ```
 *
 * @group Lag
 */
export interface LagMonitorOptions {
  /** What measures the lag: a `RedisStreamTransport` or `MemoryTransport`. Required. */
  source: LagSource;
  /** The topic. Required. */
  topic: string;
  /** The consumer group. Required. */
  group: string;
  /**
   * How often to measure, in ms (integer >= 1).
   * @default 5000
   */
  intervalMs?: number;
}
