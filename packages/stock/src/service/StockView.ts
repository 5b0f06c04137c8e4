/** Stock of one SKU in one warehouse (its shards summed). */
export interface WarehouseStock {
  warehouse: string;
  physical: number;
  reserved: number;
  safety: number;
  activity: number;
  /** `physical - reserved - safety - activity`, never below 0. */
  sellable: number;
}

/** Stock of one SKU over all its warehouses. */
export interface StockView extends Omit<WarehouseStock, 'warehouse'> {
  sku: string;
  warehouses: WarehouseStock[];
}
