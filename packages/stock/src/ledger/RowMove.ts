/** One change to one stock row, as the ledger records it. */
export interface RowMove {
  sku: string;
  warehouse: string;
  shard: number;
  /** Why: `deduct`, `confirm`, `release`, `expire`, `refund`, `restock`, `count`, `safety`, `activity`. */
  reason: string;
  /** Order, refund, receipt or activity the move belongs to. */
  ref: string;
  physical: number;
  reserved: number;
  safety: number;
  activity: number;
}
