/** Orders stock rows by SKU, warehouse and shard: the one lock order every writer follows. */
export function compareParts(
  a: { sku: string; warehouse: string; shard: number },
  b: { sku: string; warehouse: string; shard: number },
): number {
  if (a.sku !== b.sku) return a.sku < b.sku ? -1 : 1;
  if (a.warehouse !== b.warehouse) return a.warehouse < b.warehouse ? -1 : 1;
  return a.shard - b.shard;
}
