/**
 * A pipeline of a {@link RedisStreamClient}: commands queued with `call`, sent together
 * by `exec`, on one connection (on a Cluster, the one of the first key's slot).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import type { RedisStreamClient, RedisStreamPipeline } from '@mallkit/sync/redis';
 * import { Redis } from 'ioredis';
 *
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * const client: RedisStreamClient = redis;
 * const stream = 'doc:RedisStreamPipeline:{stock:0}';
 * await client.call('del', stream);
 *
 * // what a publish sends: a partition's XADDs in one round trip
 * const pipeline: RedisStreamPipeline = client.pipeline();
 * pipeline.call('xadd', stream, '*', 'key', 'sku-1', 'id', 'e1', 'body', '10');
 * pipeline.call('xadd', stream, '*', 'key', 'sku-1', 'id', 'e2', 'body', '9');
 * const results = await pipeline.exec(); // one [error, reply] pair per command
 * assert.equal(results?.length, 2);
 * assert.ok(results?.every(([error]) => error === null));
 * assert.equal(await client.call('xlen', stream), 2);
 * await client.call('del', stream);
 * await redis.quit();
 * ```
 *
 * @group Transport
 */
export interface RedisStreamPipeline {
  /** Queues a command. */
  call(command: string, ...args: Array<string | number>): unknown;
  /** Sends the queued commands; resolves to one `[error, reply]` pair per command. */
  exec(): Promise<Array<[Error | null, unknown]> | null>;
}

/**
 * The part of a Redis client the Redis Streams components use. An ioredis `Redis` or
 * `Cluster` (ioredis 5 or 6) fits as it is. The client stays yours: the components never
 * close it. For blocking reads they open their own connections with `duplicate()`, and
 * close those.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { randomUUID } from 'node:crypto';
 * import { type RedisStreamClient, RedisStreamTransport } from '@mallkit/sync/redis';
 * import { Cluster } from 'ioredis';
 *
 * const cluster = new Cluster((process.env['REDIS_CLUSTER'] ?? '127.0.0.1:7000').split(','));
 * const client: RedisStreamClient = cluster; // an ioredis Redis or Cluster fits as it is
 * assert.equal(client.isCluster, true); // each partition's stream is a hash slot of its own
 *
 * const transport = new RedisStreamTransport({
 *   redis: client, keyPrefix: `doc:${randomUUID()}:`, partitions: 4, blockMs: 100,
 * });
 * const received: string[] = [];
 * const subscription = await transport.subscribe('stock', 'cache', 'node-1', async (batch) => {
 *   received.push(...batch.map((message) => message.key));
 * });
 * const all = new Promise<void>((resolve) =>
 *   transport.events.on('acked', () => { if (received.length === 3) resolve(); }),
 * );
 * await transport.publish('stock', ['sku-1', 'sku-2', 'sku-3'].map((key) => ({ key, id: key, body: '1' })));
 * await all; // spread over the partitions, i.e. over the Cluster's nodes
 * assert.deepEqual(received.sort(), ['sku-1', 'sku-2', 'sku-3']);
 * await subscription.close(); // closes the connections the transport opened (duplicate())
 * await cluster.quit();
 * ```
 *
 * @group Transport
 */
export interface RedisStreamClient {
  /** Sends one command (routed by its key on a Cluster); resolves to the reply. */
  call(command: string, ...args: Array<string | number>): Promise<unknown>;
  /** Starts a pipeline. */
  pipeline(): RedisStreamPipeline;
  /** A new client with the same settings and its own connection(s). */
  duplicate(): RedisStreamClient;
  /** Closes the client's connections. */
  disconnect(): void;
  /**
   * Listens to the client's `error` events; the transport listens on the connections it
   * opens (their failures surface as failed reads), so they are never unhandled.
   */
  on?(event: 'error', listener: (error: Error) => void): unknown;
  /** `true` on an ioredis `Cluster`. */
  readonly isCluster?: boolean;
}
