/** Units Redis may still admit for one row of an activity. */
export interface FlashSaleStock {
  /** The SKU. */
  sku: string;
  /** The warehouse. */
  warehouse: string;
  /** Units left to admit. */
  remaining: number;
}
