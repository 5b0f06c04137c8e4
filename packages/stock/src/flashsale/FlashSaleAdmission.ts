import type { FlashSaleLine } from './FlashSaleLine.js';

/**
 * What `buy` answers for an order Redis admitted. Anything else (sold out, conflict,
 * closed activity, bad order, Redis down) is thrown as a `StockError`.
 */
export interface FlashSaleAdmission {
  /** The activity. */
  activityId: string;
  /** The order number. */
  orderNo: string;
  /**
   * - `'admitted'`: the units are the buyer's. The admission is on the master and, when
   *   `replicas` is above 0, on at least that many replicas, so it survives a failover;
   *   a writer will write it to the database.
   * - `'unconfirmed'`: the master admitted it, but fewer replicas than required
   *   acknowledged it within `waitTimeoutMs`. A failover now could lose it: do not tell
   *   the buyer yet, call `buy` again with the same order (it answers `admitted` once
   *   replicated, or, if the admission was lost, admits it afresh or says sold out).
   */
  status: 'admitted' | 'unconfirmed';
  /** The lines, with the warehouse each was taken from. */
  lines: FlashSaleLine[];
  /** `true` when an earlier call with this order number admitted it. */
  replayed: boolean;
  /** Replicas that acknowledged (`WAIT`'s answer); 0 when `replicas` is 0. */
  replicas: number;
  /** The order's entry in the activity's hand-off stream. */
  streamId: string;
}
