/**
 * A return after confirmation: which units of which SKUs go back to stock.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, type RefundRequest, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'mug' });
 * await stock.restock({ sku: 'mug', warehouse: 'sh-1', quantity: 10, receiptNo: 'GRN-1' });
 * await stock.deduct({ orderNo: 'SO-1', lines: [{ sku: 'mug', quantity: 3 }] });
 * await stock.confirm('SO-1');
 *
 * const request: RefundRequest = {
 *   orderNo: 'SO-1',
 *   refundNo: 'RF-1', // the return's own number
 *   lines: [{ sku: 'mug', quantity: 1 }],
 * };
 * const first = await stock.refund(request);
 * const retry = await stock.refund(request); // the after-sales system sent it twice
 * assert.deepEqual([first.replayed, retry.replayed, first.status], [false, true, 'confirmed']);
 * await assert.rejects( // the same refund number with other lines
 *   stock.refund({ ...request, lines: [{ sku: 'mug', quantity: 2 }] }),
 *   { code: 'ORDER_CONFLICT' },
 * );
 * const second = { orderNo: 'SO-1', refundNo: 'RF-2', lines: [{ sku: 'mug', quantity: 2 }] };
 * const rest = await stock.refund(second);
 * assert.equal(rest.status, 'refunded'); // all 3 mugs are back
 * assert.equal((await stock.query(['mug']))[0]?.physical, 10);
 * await db.destroy();
 * ```
 *
 * @group Orders
 */
export interface RefundRequest {
  /** The order's unique sequence number. */
  orderNo: string;
  /**
   * Unique number of this refund: the idempotency key. A retry with it replays;
   * the same number with other lines is an `ORDER_CONFLICT`.
   */
  refundNo: string;
  /** SKUs and units returned; at most what was confirmed and not yet refunded. */
  lines: readonly {
    /** The SKU. */
    sku: string;
    /** Units returned. */
    quantity: number;
  }[];
}
