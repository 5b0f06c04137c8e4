/** One line of an admitted order: the SKU, the warehouse Redis took it from, the units. */
export interface FlashSaleLine {
  /** The SKU. */
  sku: string;
  /** The warehouse of the activity row the units were taken from. */
  warehouse: string;
  /** Units. */
  quantity: number;
}
