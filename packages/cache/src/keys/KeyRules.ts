/**
 * What a valid cache key is.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { createCache, type KeyRules } from '@mallkit/cache';
 *
 * const keys: KeyRules = { maxKeyLength: 32, maxBatchSize: 100 };
 * const products = createCache<string>({ namespace: 'doc:KeyRules', keys });
 *
 * await assert.rejects(products.get('x'.repeat(33)), { code: 'INVALID_KEY' });
 * const skus = Array.from({ length: 101 }, (_, i) => `sku-${i}`);
 * await assert.rejects(products.getMany(skus), { code: 'BATCH_TOO_LARGE' }); // nothing was read
 * assert.equal((await products.getMany(skus.slice(0, 100))).length, 100);
 * await products.close();
 * ```
 *
 * @group Cache
 */
export interface KeyRules {
  /**
   * Longest key accepted, in UTF-16 code units (the namespace prefix not included).
   * @default 512
   */
  maxKeyLength?: number;
  /**
   * Most keys in one batched call (`getMany`, `invalidate`, `clusterMget`).
   * @default 5000
   */
  maxBatchSize?: number;
}
