/** Keys longer than this are hashed by their first and last `EDGE` characters and length. */
const FULL = 32;
const EDGE = 16;
/** The FNV-1a offset basis: the seed of a key hashed on its own. */
const OFFSET_BASIS = 0x811c9dc5;

/**
 * A 32-bit hash of `key` for the frequency sketch: FNV-1a over its UTF-16 code units,
 * then the murmur3 finalizer so that every output bit depends on every input bit (the
 * sketch takes its row indices from different bits). Keys longer than 32 characters
 * are hashed by their length and their first and last 16 characters, so the cost is
 * bounded; keys that differ only in between share sketch counters, which can only
 * make the sketch admit a key early, never count it as hot. No allocation; not
 * cryptographic.
 *
 * @param seed - where FNV starts: the default for a key on its own, or the hash of a
 *   namespace (`hashKey(key, hashKey(namespace))`), so that one key in two namespaces
 *   lands on different counters
 */
export function hashKey(key: string, seed: number = OFFSET_BASIS): number {
  const n = key.length;
  let hash = seed | 0;
  if (n <= FULL) {
    for (let i = 0; i < n; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  } else {
    hash = Math.imul(hash ^ n, 0x01000193);
    for (let i = 0; i < EDGE; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
    for (let i = n - EDGE; i < n; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
