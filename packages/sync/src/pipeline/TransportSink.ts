import type { ChangeEvent } from '../changes/ChangeEvent.js';
import type { ChangeSink } from '../sources/ChangeSink.js';
import type { MessageTransport } from '../transport/MessageTransport.js';
import type { OutgoingMessage } from '../transport/StreamMessage.js';
import type { TransportSinkOptions } from './TransportSinkOptions.js';

/**
 * A {@link ChangeSink} that publishes changes to a {@link MessageTransport}:
 * each change becomes a message keyed by the change's key, with the change id
 * as message id (consumers deduplicate on it), on the topic the `topic` option
 * picks. A batch is split by topic, keeping the order within each topic;
 * `publish` resolves once every topic accepted its part and, once all have
 * settled, rejects if any failed (the source then re-sends the whole batch: at
 * least once).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type ChangeEvent, type Delivery, MemoryTransport, TransportSink } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport(); // e.g. a RedisStreamTransport of @mallkit/sync/redis
 * const received: Delivery[] = [];
 * const subscription = await transport.subscribe('cdc.shop.products', 'search', 'node-1',
 *   async (batch) => { received.push(...batch); });
 * const acked = new Promise((resolve) => transport.events.on('acked', resolve));
 *
 * // what a source's `start(sink)` is given (a CdcPipeline builds one from its `transport`)
 * const sink = new TransportSink({ transport, topic: (change) => `cdc.${change.table}` });
 * const change: ChangeEvent = {
 *   id: 'mariadb-bin.000003:4711:0', source: 'binlog', table: 'shop.products', op: 'update',
 *   key: '42', before: { id: 42, price: 999 }, after: { id: 42, price: 899 },
 *   at: Date.now(), position: 'mariadb-bin.000003:4800',
 * };
 * await sink.publish([change]); // resolves once the transport accepted it
 * await acked;
 * assert.equal(received[0]?.key, '42'); // the change's key: one key, one partition, in order
 * assert.equal(received[0]?.id, change.id); // consumers deduplicate on it
 * assert.deepEqual(JSON.parse(received[0]?.body ?? ''), change);
 * await subscription.close();
 * ```
 *
 * @group Pipeline
 */
export class TransportSink implements ChangeSink {
  readonly #transport: MessageTransport;
  readonly #topic: (change: ChangeEvent) => string;
  readonly #encode: (change: ChangeEvent) => string;

  /** @param options - the transport, topic choice and encoding */
  constructor(options: TransportSinkOptions) {
    this.#transport = options.transport;
    const topic = options.topic ?? ((change: ChangeEvent) => change.table);
    this.#topic = typeof topic === 'string' ? () => topic : topic;
    this.#encode = options.encode ?? encodeChange;
  }

  /** Publishes the batch, one `transport.publish` per topic, concurrently. */
  async publish(changes: readonly ChangeEvent[]): Promise<void> {
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const change of changes) {
      const topic = this.#topic(change);
      let messages = byTopic.get(topic);
      if (!messages) {
        messages = [];
        byTopic.set(topic, messages);
      }
      messages.push({ key: change.key, id: change.id, body: this.#encode(change) });
    }
    // Settle every topic before reporting: a retry must not overtake a publish still in flight.
    const results = await Promise.allSettled(
      [...byTopic].map(([topic, messages]) => this.#transport.publish(topic, messages)),
    );
    for (const result of results) if (result.status === 'rejected') throw result.reason;
  }
}

function encodeChange(change: ChangeEvent): string {
  return JSON.stringify(change, (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
}
