/** Units of one line taken from one warehouse. */
export interface AllocationPart {
  /** The warehouse. */
  warehouse: string;
  /** Units taken from it. */
  quantity: number;
}

/** Where the units of one order line come from. */
export interface LineAllocation {
  /** The SKU. */
  sku: string;
  /** Units ordered. */
  quantity: number;
  /** The warehouses serving it, in the strategy's order. */
  parts: AllocationPart[];
}

/** The plan for a whole order. */
export interface OrderAllocation {
  /** One entry per order line, in the order's line order. */
  lines: LineAllocation[];
  /** The expected shipping warehouse: the one serving the most units of the order. */
  shippingWarehouse: string;
}
