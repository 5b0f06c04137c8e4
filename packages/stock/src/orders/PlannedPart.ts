/** Units of one line the plan takes from one warehouse, before shards are chosen. */
export interface PlannedPart {
  sku: string;
  warehouse: string;
  quantity: number;
  /** Shards of the SKU's rows. */
  shards: number;
  activityId?: string;
}
