/** Units of one SKU in one warehouse set aside for a flash-sale activity. */
export interface ActivityAllocation {
  activityId: string;
  sku: string;
  warehouse: string;
  /** Units taken from sellable stock into the activity. */
  quantity: number;
}
