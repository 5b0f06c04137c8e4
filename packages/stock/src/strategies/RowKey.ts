/** One stock row: a shard of one SKU's stock in one warehouse. */
export interface RowKey {
  sku: string;
  warehouse: string;
  shard: number;
}
