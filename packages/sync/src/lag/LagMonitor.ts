import { EventHub } from '@mallkit/resilience';
import { integerOption } from '../transport/integerOption.js';
import { requireName } from '../transport/requireName.js';
import type { ConsumerLag } from './ConsumerLag.js';
import type { LagMonitorEvents } from './LagMonitorEvents.js';
import type { LagMonitorOptions } from './LagMonitorOptions.js';
import type { LagSource } from './LagSource.js';

/**
 * Measures a consumer group's lag every `intervalMs` and keeps the latest measurement,
 * for health checks and metrics: messages behind and the age of the oldest, per
 * partition, with the last acknowledged position and error counts this process saw.
 * Its timer does not keep the process alive.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type ConsumerLag, LagMonitor, MemoryTransport } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport();
 * await transport.publish('shop.orders', [
 *   { key: 'order-1', id: 'e-1', body: '{}' },
 *   { key: 'order-2', id: 'e-2', body: '{}' },
 * ]); // the mailer group is not consuming
 * const monitor = new LagMonitor({ source: transport, topic: 'shop.orders', group: 'mailer' });
 * const warnings: string[] = [];
 * const measured = new Promise<ConsumerLag>((resolve) => monitor.events.on('lag', resolve));
 * monitor.events.on('lag', (lag) => {
 *   if (lag.messages > 0) warnings.push(`mailer is ${lag.messages} messages behind`);
 * });
 * monitor.start(); // measures at once, then every intervalMs
 * await measured;
 * monitor.stop();
 * assert.deepEqual(warnings, ['mailer is 2 messages behind']);
 * const healthy = () => (monitor.latest()?.seconds ?? 0) < 300; // e.g. for a health check
 * assert.equal(healthy(), true);
 * ```
 *
 * @group Lag
 */
export class LagMonitor {
  /** Typed events, also on `diagnostics_channel` as `mallkit:sync:lag:<name>`. */
  readonly events = new EventHub<LagMonitorEvents>('mallkit:sync:lag');
  readonly #source: LagSource;
  readonly #topic: string;
  readonly #group: string;
  readonly #intervalMs: number;
  #timer: NodeJS.Timeout | undefined;
  #latest: ConsumerLag | undefined;
  #inFlight: Promise<ConsumerLag> | undefined;

  /** @param options - see {@link LagMonitorOptions} */
  constructor(options: LagMonitorOptions) {
    this.#source = options.source;
    this.#topic = requireName('topic', options.topic);
    this.#group = requireName('group', options.group);
    this.#intervalMs = integerOption('LagMonitor', 'intervalMs', options.intervalMs, 5000, 1);
  }

  /** Starts measuring every `intervalMs` (the first measurement at once). */
  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => void this.check().catch(() => {}), this.#intervalMs);
    this.#timer.unref();
    void this.check().catch(() => {});
  }

  /** Stops measuring. */
  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** The latest measurement, if any. */
  latest(): ConsumerLag | undefined {
    return this.#latest;
  }

  /** Measures now (joining a measurement in flight); emits `lag`, or `error` and rejects. */
  check(): Promise<ConsumerLag> {
    this.#inFlight ??= this.#source
      .consumerLag(this.#topic, this.#group)
      .then(
        (lag) => {
          this.#latest = lag;
          this.events.emit('lag', lag);
          return lag;
        },
        (error: unknown) => {
          this.events.emit('error', { topic: this.#topic, group: this.#group, error });
          throw error;
        },
      )
      .finally(() => {
        this.#inFlight = undefined;
      });
    return this.#inFlight;
  }
}
