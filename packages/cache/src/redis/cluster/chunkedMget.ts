import type { Redis } from 'ioredis';
import type { RawValue } from './slotGroupedRead.js';

/**
 * One batch read on a standalone Redis: MGET of at most `chunkSize` keys per command,
 * every chunk sent at once (ioredis writes them back to back on the one connection).
 * `keys` must be valid; the answer is in their order.
 */
export async function chunkedMget(
  redis: Redis,
  keys: readonly string[],
  chunkSize: number,
  buffers: boolean,
): Promise<Array<RawValue | null>> {
  const mget = (chunk: string[]): Promise<Array<RawValue | null>> =>
    buffers ? redis.mgetBuffer(chunk) : redis.mget(chunk);
  const chunks: Array<Promise<Array<RawValue | null>>> = [];
  for (let i = 0; i < keys.length; i += chunkSize) chunks.push(mget(keys.slice(i, i + chunkSize)));
  const values = (await Promise.all(chunks)).flat();
  if (values.length !== keys.length) {
    throw new Error(`MGET answered ${values.length} values for ${keys.length} keys`);
  }
  return values;
}
