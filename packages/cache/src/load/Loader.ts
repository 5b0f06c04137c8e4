/**
 * Loads one value on a miss; `undefined` or `null` means "not found".
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { createCache, type Loader } from '@mallkit/cache';
 *
 * const rows = new Map([['sku-1', 'Phone X']]); // your database
 * const queries: string[] = [];
 * const findName: Loader<string> = async (sku) => {
 *   queries.push(sku);
 *   return rows.get(sku) ?? null; // null (or undefined): not found
 * };
 * const names = createCache<string>({ namespace: 'doc:Loader' });
 * assert.equal(await names.get('sku-1', findName), 'Phone X');
 * assert.equal(await names.get('sku-404', findName), undefined);
 * assert.equal(await names.get('sku-404', findName), undefined); // the cached "not found"
 * rows.set('sku-2', 'Phone X case');
 * await Promise.all([names.get('sku-2', findName), names.get('sku-2', findName)]);
 * assert.deepEqual(queries, ['sku-1', 'sku-404', 'sku-2']); // concurrent reads share one load
 * await names.close();
 * ```
 *
 * @group Cache
 */
export type Loader<T> = (key: string) => Promise<T | undefined | null> | T | undefined | null;
