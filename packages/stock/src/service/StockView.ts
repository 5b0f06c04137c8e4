/** Stock of one SKU in one warehouse (its shards summed). */
export interface WarehouseStock {
  /** Warehouse code. */
  warehouse: string;
  /** Units on hand. */
  physical: number;
  /** Units reserved for unconfirmed orders. */
  reserved: number;
  /** Units kept back from sale. */
  safety: number;
  /** Units set aside for running activities. */
  activity: number;
  /** `physical - reserved - safety - activity`, never below 0. */
  sellable: number;
}

/** Stock of one SKU over all its warehouses. */
export interface StockView extends Omit<WarehouseStock, 'warehouse'> {
  /** The SKU. */
  sku: string;
  /** Per warehouse, in code order. */
  warehouses: WarehouseStock[];
}
