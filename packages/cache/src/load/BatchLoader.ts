/**
 * Loads the values of many missed keys in one call (one SQL `IN (…)`): an array in the
 * order of `keys`, or a map from key to value; a key left out means "not found".
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type BatchLoader, createCache } from '@mallkit/cache';
 *
 * const rows = new Map<string, number>().set('sku-1', 1999).set('sku-2', 2999); // your database
 * const queries: string[][] = [];
 * // One `SELECT … WHERE sku IN (?)`: a map of what was found; a key left out is "not found".
 * const loadPrices: BatchLoader<number> = async (skus) => {
 *   queries.push(skus);
 *   return new Map([...rows].filter(([sku]) => skus.includes(sku)));
 * };
 * const prices = createCache<number>({ namespace: 'doc:BatchLoader' });
 * assert.deepEqual(await prices.getMany(['sku-1', 'sku-9'], loadPrices), [1999, undefined]);
 * const page = await prices.getMany(['sku-1', 'sku-2', 'sku-9'], loadPrices);
 * assert.deepEqual(page, [1999, 2999, undefined]);
 * assert.deepEqual(queries, [['sku-1', 'sku-9'], ['sku-2']]); // only what was not cached
 * await prices.close();
 * ```
 *
 * @group Cache
 */
export type BatchLoader<T> = (
  keys: string[],
) => Promise<ReadonlyArray<T | undefined | null> | ReadonlyMap<string, T | undefined | null>>;
