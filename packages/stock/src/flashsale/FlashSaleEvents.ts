import type { StockErrorCode } from '../errors/StockErrorCode.js';
import type { FlashSaleLine } from './FlashSaleLine.js';
import type { FlashSaleRepair } from './FlashSaleReconciliation.js';

/** Why `buy` refused an order. */
export type FlashSaleRejection =
  | 'sold-out'
  | 'conflict'
  | 'closed'
  | 'invalid'
  | 'refused-by-database'
  | 'dead-lettered'
  | 'unavailable';

/**
 * Typed events of a {@link RedisFlashSale} and its writers, also published on
 * `diagnostics_channel` as `mallkit:stock:flashsale:<name>`.
 */
export interface FlashSaleEvents {
  /** Redis admitted an order and the required replicas acknowledged it (replays too). */
  admitted: {
    /** The activity. */
    activityId: string;
    /** The order number. */
    orderNo: string;
    /** The lines, with the warehouse each was taken from. */
    lines: FlashSaleLine[];
    /** `true` when an earlier call admitted it. */
    replayed: boolean;
    /** Replicas that acknowledged it. */
    replicas: number;
    /** Time `buy` took, in ms. */
    durationMs: number;
  };
  /** `buy` refused an order; nothing was admitted. */
  rejected: {
    /** The activity, or `''` when the order could not be matched to one. */
    activityId: string;
    /** The order number, or `''` when it was missing. */
    orderNo: string;
    /** Why. */
    reason: FlashSaleRejection;
    /** The code of the `StockError` thrown. */
    code: StockErrorCode;
    /** The error's message. */
    message: string;
  };
  /**
   * Fewer replicas than required acknowledged an admission (then `buy` answers
   * `unconfirmed`) or a writer's read (then the writer waits before writing).
   */
  replicationShort: {
    /** The activity. */
    activityId: string;
    /** The order, or `''` for a writer's read. */
    orderNo: string;
    /** Replicas required. */
    required: number;
    /** Replicas that acknowledged within `waitTimeoutMs`. */
    acknowledged: number;
  };
  /** A writer wrote an admitted order to the database and settled it. */
  written: {
    /** The activity. */
    activityId: string;
    /** The order number. */
    orderNo: string;
    /** Its hand-off stream entry. */
    streamId: string;
    /** `true` when the database held it already (delivered again after a writer died). */
    replayed: boolean;
  };
  /**
   * The database refused an admitted order for want of stock: Redis admitted more than
   * the database allows (drift, or a failover that lost writes). The order is marked
   * `rejected` in Redis; nothing went below zero.
   */
  overAdmitted: {
    /** The activity. */
    activityId: string;
    /** The order number. */
    orderNo: string;
    /** Its hand-off stream entry. */
    streamId: string;
    /** Its lines. */
    lines: FlashSaleLine[];
    /** The database's refusal. */
    message: string;
  };
  /** A writer gave up on an entry and moved it to the activity's dead-letter stream. */
  deadLettered: {
    /** The activity. */
    activityId: string;
    /** The order number (`''` for a malformed entry). */
    orderNo: string;
    /** Its hand-off stream entry. */
    streamId: string;
    /** Deliveries of the entry so far. */
    deliveries: number;
    /** Why, as written to the dead-letter stream. */
    reason: string;
  };
  /**
   * A writer's step failed (Redis or the database unavailable); it is tried again. For
   * one order (`orderNo`, `streamId`) or a whole round (both `''`).
   */
  writeFailed: {
    /** The activity. */
    activityId: string;
    /** The order number, or `''`. */
    orderNo: string;
    /** Its hand-off stream entry, or `''`. */
    streamId: string;
    /** What failed. */
    error: unknown;
  };
  /** A reconcile changed Redis counters. */
  repaired: {
    /** The activity. */
    activityId: string;
    /** Every row of the activity, with its counter before and after. */
    lines: FlashSaleRepair[];
  };
}
