import { StockError } from '../errors/StockError.js';

/**
 * The Redis keys of one activity. All of them carry the hash tag
 * `{<prefix>:<activityId>}`, so they live in one Cluster slot and every script of the
 * activity runs on one node.
 */
export interface FlashSaleKeys {
  /** The hash tag, also the key the slot is computed from. */
  tag: string;
  /** Hash: `state` (`open` or `closed`). */
  meta: string;
  /** Hash: units Redis may still admit, per line field (see `lineCodec`). */
  stock: string;
  /** Stream: admitted orders not yet written to the database (the hand-off). */
  stream: string;
  /** Stream: orders the writer gave up on, with the reason. */
  dead: string;
  /** String: the token of the reconcile in progress. */
  reconciling: string;
  /** List: orders settled by a writer while a reconcile runs. */
  settledLog: string;
  /** Hash: the idempotency record of one order number. */
  order(orderNo: string): string;
}

/**
 * The keys of `activityId` under `prefix`. Throws `INVALID_REQUEST` for an activity id
 * that cannot be part of a hash tag (not 1 to 64 characters, or with a brace).
 */
export function flashSaleKeys(prefix: string, activityId: string): FlashSaleKeys {
  if (
    typeof activityId !== 'string' ||
    activityId.length === 0 ||
    activityId.length > 64 ||
    /[{}]/.test(activityId)
  ) {
    throw new StockError(
      'INVALID_REQUEST',
      `activityId must be a string of 1 to 64 characters without braces; got ${String(activityId)}`,
    );
  }
  const tag = `{${prefix}:${activityId}}`;
  return {
    tag,
    meta: `${tag}:meta`,
    stock: `${tag}:stock`,
    stream: `${tag}:stream`,
    dead: `${tag}:dead`,
    reconciling: `${tag}:reconciling`,
    settledLog: `${tag}:settled`,
    order: (orderNo) => `${tag}:o:${orderNo}`,
  };
}
