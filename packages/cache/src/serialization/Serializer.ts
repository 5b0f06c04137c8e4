/**
 * Turns values into strings for Redis and back.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { createCache, MemoryL2, type Serializer } from '@mallkit/cache';
 *
 * interface Order {
 *   id: string;
 *   placedAt: Date; // JSON alone would turn it into a string
 * }
 * const orderSerializer: Serializer<Order> = {
 *   serialize: (order) => JSON.stringify({ ...order, placedAt: order.placedAt.toISOString() }),
 *   deserialize: (text) => {
 *     const raw = JSON.parse(text) as { id: string; placedAt: string };
 *     return { id: raw.id, placedAt: new Date(raw.placedAt) };
 *   },
 * };
 * const l2 = new MemoryL2();
 * const options = { namespace: 'doc:Serializer', l2, serializer: orderSerializer };
 * const nodeA = createCache<Order>(options);
 * const nodeB = createCache<Order>(options);
 *
 * await nodeA.set('o-1', { id: 'o-1', placedAt: new Date('2025-06-18T10:00:00Z') });
 * const order = await nodeB.get('o-1'); // decoded from L2
 * assert.ok(order?.placedAt instanceof Date);
 * assert.equal(order.placedAt.toISOString(), '2025-06-18T10:00:00.000Z');
 * await nodeA.close();
 * await nodeB.close();
 * ```
 *
 * @group Cache
 */
export interface Serializer<T> {
  /** The value as a string. Throw for a value that cannot be stored. */
  serialize(value: T): string;
  /** The value a string from {@link Serializer.serialize} stands for. */
  deserialize(text: string): T;
}

/**
 * JSON, the default: `JSON.stringify` and `JSON.parse`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { createCache, jsonSerializer, MemoryL2, type Serializer } from '@mallkit/cache';
 *
 * interface Product {
 *   sku: string;
 *   priceCents: number;
 * }
 * const json: Serializer<Product> = jsonSerializer; // typed for your values
 * const text = json.serialize({ sku: 'sku-1', priceCents: 1999 });
 * assert.equal(text, '{"sku":"sku-1","priceCents":1999}');
 * assert.deepEqual(json.deserialize(text), { sku: 'sku-1', priceCents: 1999 });
 *
 * // The default of every cache; a value JSON cannot hold is refused, not cached.
 * const counters = createCache<bigint>({ namespace: 'doc:jsonSerializer', l2: new MemoryL2() });
 * await assert.rejects(
 *   counters.get('views', async () => 10n),
 *   { code: 'SERIALIZATION' },
 * );
 * await counters.close();
 * ```
 *
 * @group Cache
 */
export const jsonSerializer: Serializer<never> = {
  serialize: (value) => {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`a ${typeof value} cannot be stored as JSON`);
    return text;
  },
  deserialize: (text) => JSON.parse(text) as never,
};
