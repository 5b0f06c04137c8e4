/** What the service knows of a SKU when it plans a deduction. */
export interface SkuInfo {
  sku: string;
  shards: number;
  strategy: string | null;
  lowThreshold: number | null;
  lowClear: number | null;
  /** Warehouses holding a stock row of the SKU. */
  warehouses: string[];
}
