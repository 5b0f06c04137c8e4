/** One SKU-warehouse row of a flash-sale activity, as stored. */
export interface ActivityStock {
  /** The flash-sale activity. */
  activityId: string;
  /** The SKU. */
  sku: string;
  /** Warehouse code. */
  warehouse: string;
  /** Units set aside when the activity started. */
  allocated: number;
  /** Units sold from it (reserved or confirmed; released units come back). */
  sold: number;
  /** Where it stands. */
  status: 'active' | 'ended';
  /** Deduction strategy that applied it. */
  strategy: 'sql' | 'redis';
}
