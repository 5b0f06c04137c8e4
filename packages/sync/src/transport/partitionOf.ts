/**
 * The partition of a message key among `partitions`: FNV-1a (32 bit) of its UTF-8 bytes,
 * modulo `partitions`. Stable across processes, versions and platforms, so every
 * publisher sends one key to one partition.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { MemoryTransport, partitionOf } from '@mallkit/sync';
 *
 * assert.equal(partitionOf('a', 2 ** 32), 0xe40c292c); // FNV-1a, the same everywhere
 * const p = partitionOf('sku-1', 8);
 * assert.ok(p >= 0 && p < 8);
 *
 * // where a transport with 8 partitions puts the messages of 'sku-1'
 * const transport = new MemoryTransport({ partitions: 8 });
 * await transport.publish('stock', [{ key: 'sku-1', id: 's-1', body: '5' }]);
 * const lag = await transport.consumerLag('stock', 'search');
 * const used = lag.partitions.filter((partition) => partition.messages > 0);
 * assert.deepEqual(used.map((partition) => partition.partition), [p]);
 * ```
 *
 * @group Transport
 */
export function partitionOf(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(key, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}
