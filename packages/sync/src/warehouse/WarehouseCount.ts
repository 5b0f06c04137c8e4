/** Physical stock of one SKU in one warehouse, as the warehouse system reports it. */
export interface WarehouseCount {
  /** The SKU. */
  sku: string;
  /** Warehouse code. */
  warehouse: string;
  /** Units on hand and available to promise. */
  physical: number;
}
