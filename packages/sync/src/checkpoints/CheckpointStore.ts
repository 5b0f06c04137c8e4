/**
 * Where sources keep their positions. Implementations must make `save`
 * durable before resolving: a source resumes from what `load` returns.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type CheckpointStore, WarehouseSync } from '@mallkit/sync';
 * import { Redis } from 'ioredis';
 *
 * // A store of your own, here a Redis hash: `save` must be durable before it resolves
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * const key = 'doc:CheckpointStore:positions';
 * await redis.del(key);
 * const checkpoints: CheckpointStore = {
 *   load: async (source) => (await redis.hget(key, source)) ?? undefined,
 *   save: async (source, position) => { await redis.hset(key, source, position); },
 * };
 *
 * // e.g. the cursor of a warehouse sync: each run reads the WMS's changes from the saved one
 * const cursors: (string | undefined)[] = [];
 * const system = {
 *   async *fetchAll() {},
 *   fetchChanges: async (cursor: string | undefined) => {
 *     cursors.push(cursor);
 *     return { counts: [], cursor: String(Number(cursor ?? 0) + 1) };
 *   },
 *   fetchCounts: async () => [],
 * };
 * const inventory = { query: async () => [], setPhysical: async () => {} };
 * await new WarehouseSync({ system, inventory, checkpoints }).syncChanges();
 * await new WarehouseSync({ system, inventory, checkpoints }).syncChanges(); // after a restart
 * assert.deepEqual(cursors, [undefined, '1']);
 * assert.equal(await redis.hget(key, 'warehouse'), '2');
 * await redis.del(key);
 * await redis.quit();
 * ```
 *
 * @group Checkpoints
 */
export interface CheckpointStore {
  /** The last saved position of the source, or `undefined` when it never saved one. */
  load(source: string): Promise<string | undefined>;
  /** Saves the source's position. */
  save(source: string, position: string): Promise<void>;
}
