import { StockError } from '../errors/StockError.js';
import { adjustRows } from '../levels/adjustRows.js';
import type { PhysicalCount } from '../levels/StockAdjustment.js';
import { spread } from '../levels/spread.js';
import type { StockContext } from '../service/StockContext.js';
import { requireCount } from '../service/validateInput.js';
import { runTransaction } from '../transactions/runTransaction.js';

/** Sets physical stock to a count from the warehouse system (an absolute value, so naturally idempotent). */
export async function countStock(ctx: StockContext, count: PhysicalCount): Promise<void> {
  const physical = requireCount('physical', count?.physical);
  const expected =
    count.expected === undefined ? undefined : requireCount('expected', count.expected);
  const info = await ctx.locate(count.sku, count.warehouse);
  let delta = 0;
  let held = 0;
  await runTransaction(ctx.db, ctx.dialect, async (trx) => {
    const before = await adjustRows(
      trx,
      ctx.dialect,
      { ...ctx.target(info, count.warehouse), reason: 'count', ref: '' },
      'physical',
      (rows) => {
        const current = rows.reduce((n, r) => n + r.physical, 0);
        if (expected !== undefined && current !== expected) {
          throw new StockError(
            'CONCURRENCY_CONFLICT',
            `physical stock of "${info.sku}" in "${count.warehouse}" is ${current}, not the expected ${expected}; count not applied`,
          );
        }
        return spread(
          physical,
          rows.map((r) => r.reserved + r.safety + r.activity),
        );
      },
      ctx.now(),
    );
    delta = physical - before.reduce((n, r) => n + r.physical, 0);
    held = before.reduce((n, r) => n + r.reserved + r.activity, 0);
  });
  ctx.catalog.forget(info.sku);
  if (delta !== 0)
    ctx.events.emit('restocked', {
      sku: info.sku,
      warehouse: count.warehouse,
      delta,
      reason: 'count',
    });
  if (physical < held)
    ctx.events.emit('shortfall', { sku: info.sku, warehouse: count.warehouse, physical, held });
  await ctx.afterWrite([info]);
}
