/**
 * A pipeline of a {@link RedisStreamClient}: commands queued with `call`, sent together
 * by `exec`, on one connection (on a Cluster, the one of the first key's slot).
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
