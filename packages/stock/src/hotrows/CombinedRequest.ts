/** One single-line order waiting to be merged into its row's next batch. */
export interface CombinedRequest {
  orderNo: string;
  fingerprint: string;
  sku: string;
  warehouse: string;
  shards: number;
  quantity: number;
  now: number;
  expiresAt: number;
}

/**
 * How a combined order ended: `reserved` on `shard`; `exists` (its number was
 * taken: replay it); `short` (did not fit); `alone` (run it on the normal path).
 */
export type CombinedResult =
  | { kind: 'reserved'; shard: number }
  | { kind: 'exists' }
  | { kind: 'short' }
  | { kind: 'alone' };
