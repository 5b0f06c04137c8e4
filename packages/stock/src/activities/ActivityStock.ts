/** One SKU-warehouse row of a flash-sale activity, as stored. */
export interface ActivityStock {
  activityId: string;
  sku: string;
  warehouse: string;
  /** Units set aside when the activity started. */
  allocated: number;
  /** Units sold from it (reserved or confirmed; released units come back). */
  sold: number;
  status: 'active' | 'ended';
  strategy: 'sql' | 'redis';
}
