/**
 * One Redis connection as the flash sale uses it: every command goes through `call`.
 * An ioredis `Redis` fits as it is.
 */
export interface FlashSaleConnection {
  /** Sends one command; resolves to its reply, rejects with the server's error. */
  call(command: string, ...args: Array<string | number>): Promise<unknown>;
}

/** A connection to one node of a Cluster, with the address the slot table names it by. */
export interface FlashSaleClusterNode extends FlashSaleConnection {
  /** Where the connection goes: the slot table names the node `host:port`. */
  readonly options: {
    /** The node's host. */
    readonly host?: string | undefined;
    /** The node's port. */
    readonly port?: number | undefined;
  };
}

/**
 * The Redis client {@link RedisFlashSale} is given: an ioredis `Redis` or `Cluster` fits
 * as it is (ioredis is an optional peer dependency; only its shape is used).
 *
 * On a Cluster (`isCluster: true`) every script of an activity is sent to the connection
 * of the master that owns the activity's slot, found in `slots` and `nodes('master')`, so
 * that `WAIT` can follow it on the same connection.
 */
export interface FlashSaleRedis extends FlashSaleConnection {
  /** `true` on a Cluster client. */
  readonly isCluster?: boolean;
  /** Cluster only: for each of the 16384 slots, `host:port` of its master first. */
  readonly slots?: ReadonlyArray<ReadonlyArray<string> | undefined>;
  /** Cluster only: the connections to the masters the client knows. */
  nodes?(role: 'master'): FlashSaleClusterNode[];
  /** Cluster only: fetches the slot table again; `callback` runs once the client has it. */
  refreshSlotsCache?(callback?: (error?: Error | null) => void): void;
  /** A new client with the same settings: the writer blocks on one of its own. */
  duplicate?(): FlashSaleRedis;
  /** Closes the client at once (only called on clients the flash sale created). */
  disconnect?(): void;
  /** Adds an event listener; used to absorb `error` events of clients the flash sale created. */
  on?(event: 'error', listener: (error: Error) => void): unknown;
  /** ioredis settings; a `keyPrefix` is refused, use the `prefix` option instead. */
  readonly options?: {
    /** A prefix the client adds to every key. */
    readonly keyPrefix?: string | undefined;
  };
}
