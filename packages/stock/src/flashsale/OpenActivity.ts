import type { FlashSaleKeys } from './FlashSaleKeys.js';

/** An activity a flash sale opened: its keys and, per SKU, the warehouses of its rows. */
export interface OpenActivity {
  /** The activity. */
  activityId: string;
  /** Its Redis keys. */
  keys: FlashSaleKeys;
  /** Warehouses of each SKU's rows, in the order the database lists them. */
  rows: ReadonlyMap<string, readonly string[]>;
}
