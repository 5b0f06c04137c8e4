import type { ConsumerLag } from './ConsumerLag.js';

/**
 * Typed events of a {@link LagMonitor}, also on `diagnostics_channel` as
 * `mallkit:sync:lag:<name>`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { LagMonitor, type LagMonitorEvents } from '@mallkit/sync';
 *
 * const monitor = new LagMonitor({
 *   source: {
 *     consumerLag: async () => {
 *       throw new Error('Redis is unreachable');
 *     },
 *   },
 *   topic: 'shop.orders',
 *   group: 'mailer',
 * });
 * const errors: LagMonitorEvents['error'][] = [];
 * monitor.events.on('error', (event) => errors.push(event));
 * await assert.rejects(monitor.check(), /Redis is unreachable/);
 * assert.deepEqual([errors[0]?.topic, errors[0]?.group], ['shop.orders', 'mailer']);
 * assert.equal(monitor.latest(), undefined); // no measurement yet
 * ```
 *
 * @group Lag
 */
export interface LagMonitorEvents {
  /** A measurement. */
  lag: ConsumerLag;
  /** A measurement failed. */
  error: {
    /** The topic. */
    topic: string;
    /** The consumer group. */
    group: string;
    /** The failure. */
    error: unknown;
  };
}
