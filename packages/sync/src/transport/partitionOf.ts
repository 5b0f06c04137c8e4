/**
 * The partition of a message key among `partitions`: FNV-1a (32 bit) of its UTF-8 bytes,
 * modulo `partitions`. Stable across processes, versions and platforms, so every
 * publisher sends one key to one partition.
 */
export function partitionOf(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(key, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}
