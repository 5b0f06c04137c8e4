import { once } from 'node:events';
import { RedisServer } from '@mallkit/internal-harness';
import { harness } from '@mallkit/internal-harness/vitest';
import { Cluster, Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CacheError, isCacheError } from '../src/index.js';
import { keySlot } from '../src/keys/keySlot.js';
import { clusterMget, clusterMgetBuffer } from '../src/redis/index.js';

const run = Math.random().toString(36).slice(2, 8);

/**
 * 2,000 keys: 1,700 written, 300 never written; plain keys (one slot each, mostly) and
 * hash-tagged groups of 25 keys sharing a slot; 200 positions repeat an earlier key.
 * Values: plain text, empty strings, multi-byte text, a 64 KiB value, CRLF inside.
 */
function fixture(prefix: string): { keys: string[]; written: Map<string, string> } {
  const distinct: string[] = [];
  for (let i = 0; i < 1200; i++) distinct.push(`${prefix}:p:${i}`);
  for (let g = 0; g < 24; g++) {
    for (let i = 0; i < 25; i++) distinct.push(`${prefix}:{g${g}}:${i}`);
  }
  const written = new Map<string, string>();
  distinct.forEach((key, i) => {
    if (i % 6 === 5) return; // 300 misses
    let value = `value of ${key}`;
    if (i % 97 === 0) value = '';
    else if (i % 89 === 0) value = `prix ${i} € — 商品 ${'😀'.repeat(i % 5)}`;
    else if (i % 83 === 0) value = `line one\r\nline two ${i}`;
    else if (i === 500) value = 'x'.repeat(64 * 1024);
    written.set(key, value);
  });
  const keys = [...distinct];
  for (let i = 0; i < 200; i++)
    keys.splice((i * 37) % keys.length, 0, distinct[(i * 53) % distinct.length] as string);
  return { keys, written };
}

/** What per-key GET answers, one command per key: the reference. */
function perKeyGet(redis: Redis | Cluster, keys: readonly string[]): Promise<Array<string | null>> {
  return Promise.all(keys.map((key) => redis.get(key)));
}

async function writeAll(redis: Redis | Cluster, written: Map<string, string>): Promise<void> {
  await Promise.all([...written].map(([key, value]) => redis.set(key, value, 'EX', 600)));
}

/** Waits until every replica has the writes this client sent to each master. */
async function replicate(cluster: Cluster): Promise<void> {
  await Promise.all(cluster.nodes('master').map((node) => node.wait(1, 10_000)));
}

describe('clusterMget on the shared Cluster', () => {
  const { cluster: shared } = harness();
  let cluster: Cluster;
  const { keys, written } = fixture(`cm-${run}`);
  const expected = keys.map((key) => written.get(key) ?? null);

  beforeAll(async () => {
    cluster = new Cluster(shared.seeds);
    await writeAll(cluster, written);
    await replicate(cluster);
  });
  afterAll(() => cluster.disconnect());

  it('answers 2,000 keys (misses, mixed slots, duplicates) exactly as per-key GET does', async () => {
    // The keys spread over most slots, and the client computes each slot as Redis does.
    const distinct = [...new Set(keys)];
    const slots = await Promise.all(distinct.map((k) => cluster.cluster('KEYSLOT', k)));
    expect(distinct.map(keySlot)).toEqual(slots);
    expect(new Set(slots).size).toBeGreaterThan(1000);
    const reference = await perKeyGet(cluster, keys);
    expect(reference).toEqual(expected);
    const values = await clusterMget(cluster, keys);
    expect(values).toHaveLength(keys.length);
    expect(values).toEqual(reference);
  });

  it('answers the same with small chunks', async () => {
    expect(await clusterMget(cluster, keys, { chunkSize: 7 })).toEqual(expected);
  });

  it('reads from replicas when asked, with the same answer once replicated', async () => {
    expect(await clusterMget(cluster, keys, { readFrom: 'replica' })).toEqual(expected);
    expect(await clusterMget(cluster, keys, { readFrom: 'any' })).toEqual(expected);
  });

  it('reads raw bytes with clusterMgetBuffer', async () => {
    const binary = Array.from({ length: 300 }, (_, i) => `cm-${run}:bin:${i}`);
    const bytes = binary.map((_, i) => Buffer.from([0xff, 0xfe, 0x00, i & 0xff, 0xc3]));
    await Promise.all(
      binary.map((key, i) => (i % 4 === 3 ? null : cluster.set(key, bytes[i] as Buffer))),
    );
    const values = await clusterMgetBuffer(cluster, [...binary, binary[0] as string]);
    const reference = await Promise.all(
      [...binary, binary[0] as string].map((k) => cluster.getBuffer(k)),
    );
    expect(values).toEqual(reference);
    expect(values[0]).toEqual(bytes[0]);
    expect(values[3]).toBeNull();
  });

  it('applies the client keyPrefix as GET does', async () => {
    const prefixed = new Cluster(shared.seeds, { keyPrefix: `cm-${run}:` });
    try {
      const bare = keys.map((key) => key.slice(`cm-${run}:`.length));
      expect(await clusterMget(prefixed, bare)).toEqual(expected);
    } finally {
      prefixed.disconnect();
    }
  });

  it('connects a lazy client first', async () => {
    const lazy = new Cluster(shared.seeds, { lazyConnect: true });
    try {
      expect(await clusterMget(lazy, keys.slice(0, 50))).toEqual(expected.slice(0, 50));
    } finally {
      lazy.disconnect();
    }
  });

  it('answers an empty batch with an empty array', async () => {
    expect(await clusterMget(cluster, [])).toEqual([]);
  });

  it('reads a key holding a non-string as a miss, as MGET does', async () => {
    const list = `cm-${run}:a-list`;
    await cluster.rpush(list, 'x');
    const [value, other] = await clusterMget(cluster, [list, keys[0] as string]);
    expect(value).toBeNull();
    expect(other).toBe(expected[0]);
  });
});

describe('clusterMget on a standalone Redis', () => {
  const { redis: standalone } = harness();
  let redis: Redis;
  const { keys, written } = fixture(`cm-${run}`);
  const expected = keys.map((key) => written.get(key) ?? null);

  beforeAll(async () => {
    redis = new Redis(standalone.url);
    await writeAll(redis, written);
  });
  afterAll(() => redis.disconnect());

  it('answers 2,000 keys exactly as per-key GET does', async () => {
    const reference = await perKeyGet(redis, keys);
    expect(reference).toEqual(expected);
    expect(await clusterMget(redis, keys)).toEqual(reference);
    expect(await clusterMget(redis, keys, { chunkSize: 33 })).toEqual(reference);
  });

  it('reads raw bytes with clusterMgetBuffer', async () => {
    const key = `cm-${run}:bytes`;
    await redis.set(key, Buffer.from([0xff, 0x00, 0xfe]));
    expect(await clusterMgetBuffer(redis, [key, `${key}:none`, key])).toEqual([
      Buffer.from([0xff, 0x00, 0xfe]),
      null,
      Buffer.from([0xff, 0x00, 0xfe]),
    ]);
  });

  it('throws L2_UNAVAILABLE, with the cause, when Redis is gone', async () => {
    const server = await RedisServer.start({ name: 'cm-gone' });
    const client = new Redis(server.url, { retryStrategy: () => null, maxRetriesPerRequest: 0 });
    client.on('error', () => {});
    try {
      expect(await clusterMget(client, ['a'])).toEqual([null]);
      const closed = once(client, 'end');
      await server.kill();
      await closed;
      const error = await clusterMget(client, ['a', 'b']).catch((e: unknown) => e);
      expect(isCacheError(error)).toBe(true);
      expect((error as CacheError).code).toBe('L2_UNAVAILABLE');
      expect((error as CacheError).cause).toBeInstanceOf(Error);
    } finally {
      client.disconnect();
      await server.kill();
    }
  });
});

describe('clusterMget validation', () => {
  const { cluster: shared, redis: standalone } = harness();
  const invalid: Array<[string, unknown, object, string]> = [
    ['an empty key', ['a', ''], {}, 'INVALID_KEY'],
    ['a number', ['a', 42], {}, 'INVALID_KEY'],
    ['null', [null], {}, 'INVALID_KEY'],
    ['not an array', 'abc', {}, 'INVALID_KEY'],
    ['a key over maxKeyLength', ['short', 'k'.repeat(11)], { maxKeyLength: 10 }, 'INVALID_KEY'],
    ['a key over the default 512', ['k'.repeat(513)], {}, 'INVALID_KEY'],
    [
      'a batch over maxBatchSize',
      ['a', 'b', 'c', 'd', 'e', 'f'],
      { maxBatchSize: 5 },
      'BATCH_TOO_LARGE',
    ],
    [
      'a batch over the default 5000',
      Array.from({ length: 5001 }, (_, i) => `k${i}`),
      {},
      'BATCH_TOO_LARGE',
    ],
    ['a bad chunkSize', ['a'], { chunkSize: 0 }, 'INVALID_OPTION'],
    ['a bad readFrom', ['a'], { readFrom: 'slave' }, 'INVALID_OPTION'],
  ];

  it.each(invalid)(
    'rejects %s with a typed error before connecting',
    async (_, keys, options, code) => {
      const cluster = new Cluster(shared.seeds, { lazyConnect: true });
      const redis = new Redis(standalone.url, { lazyConnect: true });
      try {
        for (const client of [cluster, redis]) {
          const error = await clusterMget(client, keys as string[], options).catch(
            (e: unknown) => e,
          );
          expect(isCacheError(error)).toBe(true);
          expect((error as CacheError).code).toBe(code);
          const bufferError = await clusterMgetBuffer(client, keys as string[], options).catch(
            (e: unknown) => e,
          );
          expect((bufferError as CacheError).code).toBe(code);
        }
        // Nothing was sent: neither client even opened a connection.
        expect(cluster.status).toBe('wait');
        expect(redis.status).toBe('wait');
      } finally {
        cluster.disconnect();
        redis.disconnect();
      }
    },
  );

  it('names the position of the bad key and sends nothing on a connected client', async () => {
    const redis = new Redis(standalone.url);
    const observer = new Redis(standalone.url);
    try {
      await redis.ping();
      const id = await redis.client('ID');
      const error = await clusterMget(redis, ['ok', 'ok', '']).catch((e: unknown) => e);
      expect((error as CacheError).code).toBe('INVALID_KEY');
      expect((error as CacheError).message).toContain('keys[2]');
      const info = String(await observer.client('LIST', 'ID', String(id)));
      expect(info).toContain('cmd=client|id');
    } finally {
      redis.disconnect();
      observer.disconnect();
    }
  });
});
