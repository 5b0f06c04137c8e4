/**
 * What caches of one namespace tell each other over a {@link CacheBus}.
 * - `invalidate`: drop `keys` from L1;
 * - `clear`: drop the whole namespace from L1;
 * - `hot`: `keys` turned hot on the sender; promote them here too for `ttlMs`;
 * - `heartbeat`: nothing happened; carries the sender's latest `seq` so a receiver
 *   that missed a message notices within one heartbeat.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type BusMessage, createCache, MemoryBus } from '@mallkit/cache';
 *
 * const bus = new MemoryBus();
 * const messages: BusMessage[] = [];
 * const unsubscribe = await bus.subscribe(
 *   (message) => messages.push(message),
 *   () => {},
 * );
 * const products = createCache<number>({ namespace: 'doc:BusMessage', broadcast: { bus } });
 * await products.ready();
 *
 * await products.invalidate(['sku-1', 'sku-2']);
 * await products.clearL1();
 * const sent = messages.filter((m) => m.type !== 'heartbeat');
 * assert.deepEqual(
 *   sent.map(({ type, namespace, keys, seq }) => ({ type, namespace, keys, seq })),
 *   [
 *     { type: 'invalidate', namespace: 'doc:BusMessage', keys: ['sku-1', 'sku-2'], seq: 1 },
 *     { type: 'clear', namespace: 'doc:BusMessage', keys: [], seq: 2 },
 *   ],
 * );
 * assert.equal(new Set(sent.map((m) => m.origin)).size, 1); // one sender
 *
 * await products.close();
 * await unsubscribe();
 * ```
 *
 * @group Broadcast
 */
export interface BusMessage {
  /** What happened. */
  type: 'invalidate' | 'clear' | 'hot' | 'heartbeat';
  /** The cache namespace it concerns. */
  namespace: string;
  /** The keys (without namespace) it concerns; empty for `clear` and `heartbeat`. */
  keys: string[];
  /** The sending cache instance's random id. */
  origin: string;
  /**
   * The sender's sequence number, one more for every message but heartbeats, which
   * repeat the last one. A receiver that sees a jump has lost a message.
   */
  seq: number;
  /**
   * When the sender started numbering (epoch ms). A receiver that subscribed before
   * this knows it should have seen every message from seq 1, so a first message with
   * a higher seq is a gap too.
   */
  since?: number;
  /** For `hot`: how long to keep the keys promoted, in ms. */
  ttlMs?: number;
}
