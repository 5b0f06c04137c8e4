/** A warehouse that holds a SKU, as the allocator sees it. */
export interface WarehouseCandidate {
  /** The warehouse's code. */
  warehouse: string;
  /** Units of the SKU it can sell now. */
  sellable: number;
  /** Its rank for the `'priority'` strategy: lower goes first. */
  priority: number;
  /** Its region, for the `'nearest'` strategy. */
  region?: string;
}
