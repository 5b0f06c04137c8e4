/**
 * One Redis connection as the flash sale uses it: every command goes through `call`.
 * An ioredis `Redis` fits as it is.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { randomUUID } from 'node:crypto';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { type FlashSaleConnection, RedisFlashSale } from '@mallkit/stock/redis';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 * import { Redis } from 'ioredis';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'tv-55' });
 * await stock.restock({ sku: 'tv-55', warehouse: 'sh-1', quantity: 10, receiptNo: 'GRN-1' });
 * await stock.allocateActivity({
 *   activityId: 'D11', sku: 'tv-55', warehouse: 'sh-1', quantity: 5, strategy: 'redis',
 * });
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 *
 * // any client with `call` will do: here one that counts the commands it sends
 * const sent = new Map<string, number>();
 * const counting: FlashSaleConnection = {
 *   call: (command, ...args) => {
 *     sent.set(command, (sent.get(command) ?? 0) + 1);
 *     return redis.call(command, ...args);
 *   },
 * };
 * const prefix = `doc:${randomUUID()}`;
 * const sale = new RedisFlashSale({ redis: counting, service: stock, prefix });
 * await sale.open('D11');
 * await sale.buy({ orderNo: 'FS-1', lines: [{ sku: 'tv-55', quantity: 1 }] });
 * const [row] = await sale.remaining('D11');
 * assert.equal(row?.remaining, 4);
 * assert.equal(sent.get('hgetall'), 2); // open() and remaining() read the counters
 * assert.ok(sent.has('evalsha')); // open() and buy() run Lua scripts
 * redis.disconnect();
 * await db.destroy();
 * ```
 *
 * @group Flash sales
 */
export interface FlashSaleConnection {
  /** Sends one command; resolves to its reply, rejects with the server's error. */
  call(command: string, ...args: Array<string | number>): Promise<unknown>;
}

/**
 * A connection to one node of a Cluster, with the address the slot table names it by.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { randomUUID } from 'node:crypto';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { type FlashSaleClusterNode, RedisFlashSale } from '@mallkit/stock/redis';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 * import { Cluster } from 'ioredis';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'tv-55' });
 * await stock.restock({ sku: 'tv-55', warehouse: 'sh-1', quantity: 10, receiptNo: 'GRN-1' });
 * await stock.allocateActivity({
 *   activityId: 'D11', sku: 'tv-55', warehouse: 'sh-1', quantity: 5, strategy: 'redis',
 * });
 * const redis = new Cluster((process.env['REDIS_CLUSTER'] ?? '127.0.0.1:7000').split(','));
 * const prefix = `doc:${randomUUID()}`;
 * const sale = new RedisFlashSale({ redis, service: stock, prefix });
 * await sale.open('D11');
 *
 * // the activity's keys share the hash tag {<prefix>:<activityId>}: one slot, one master
 * const slot = Number(await redis.call('cluster', 'keyslot', `{${prefix}:D11}`));
 * const owner = redis.slots[slot]?.[0]; // 'host:port' of the slot's master
 * const masters: FlashSaleClusterNode[] = redis.nodes('master');
 * const node = masters.find((n) => `${n.options.host}:${n.options.port}` === owner);
 * assert.ok(node, 'the master of the slot is among the connections');
 * // the sale runs its scripts, and WAITs for the replicas, on that very connection
 * assert.ok(Number(await node.call('cluster', 'countkeysinslot', slot)) > 0);
 * redis.disconnect();
 * await db.destroy();
 * ```
 *
 * @group Flash sales
 */
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
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { randomUUID } from 'node:crypto';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { type FlashSaleRedis, RedisFlashSale } from '@mallkit/stock/redis';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 * import { Redis } from 'ioredis';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'tv-55' });
 * await stock.restock({ sku: 'tv-55', warehouse: 'sh-1', quantity: 10, receiptNo: 'GRN-1' });
 * await stock.allocateActivity({
 *   activityId: 'D11', sku: 'tv-55', warehouse: 'sh-1', quantity: 5, strategy: 'redis',
 * });
 * const url = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
 * const client = new Redis(url);
 * const redis: FlashSaleRedis = client; // an ioredis Redis or Cluster fits as it is
 * assert.equal(redis.isCluster, false); // so replicas defaults to 0
 * const sale = new RedisFlashSale({ redis, service: stock, prefix: `doc:${randomUUID()}` });
 * await sale.open('D11');
 * const writer = sale.writer('D11'); // reads with redis.duplicate(), closed by stop()
 * writer.start();
 * const admission = await sale.buy({ orderNo: 'FS-1', lines: [{ sku: 'tv-55', quantity: 1 }] });
 * assert.equal(admission.replicas, 0);
 * assert.equal(await sale.close('D11'), 4);
 * await writer.stop();
 *
 * // a client that prefixes keys itself is refused: keys must keep their hash tags
 * const prefixed = new Redis(url, { keyPrefix: 'shop:', lazyConnect: true });
 * assert.throws(() => new RedisFlashSale({ redis: prefixed, service: stock }), {
 *   code: 'INVALID_OPTION',
 * });
 * prefixed.disconnect();
 * client.disconnect();
 * await db.destroy();
 * ```
 *
 * @group Flash sales
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
