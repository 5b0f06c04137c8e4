/** Where an order stands. */
export type OrderStatus = 'reserved' | 'confirmed' | 'released' | 'expired' | 'refunded';

/** Units of one order line taken from one stock row. */
export interface ReservedPart {
  /** The SKU. */
  sku: string;
  /** Warehouse code. */
  warehouse: string;
  /** Shard of the SKU's stock row the units came from (0 when the SKU is not sharded). */
  shard: number;
  /** Units, a positive integer. */
  quantity: number;
  /** Units of this part refunded so far. */
  refunded: number;
  /** The flash-sale activity the units came from, when any. */
  activityId?: string;
}

/** The result of `deduct`, `confirm`, `release` and `refund`: the order as stored. */
export interface OrderOutcome {
  /** The order's unique sequence number. */
  orderNo: string;
  /** Where it stands. */
  status: OrderStatus;
  /** The strategy that deducted it. */
  strategy: string;
  /** Every part, sorted by SKU, warehouse and shard. */
  parts: ReservedPart[];
  /** The warehouse that ships most of the order's units. */
  shippingWarehouse: string;
  /** When the reservation is released unless confirmed (epoch ms); `null` once settled. */
  expiresAt: number | null;
  /**
   * `true` when this call changed nothing because an earlier call with the same
   * number already did it: the outcome is that first one's.
   */
  replayed: boolean;
}
