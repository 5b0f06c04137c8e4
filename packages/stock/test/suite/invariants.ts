import { sql } from 'kysely';
import { expect } from 'vitest';
import type { OpenedStore } from '../fixtures/backends.js';

/**
 * Checks what must hold after any sequence of calls: no negative column, the
 * ledger's deltas sum to every row's values, reserved equals the open
 * reservations in the deduction log, and activity pools match their activities.
 */
export async function expectConsistent(store: OpenedStore): Promise<void> {
  const { db } = store;
  const rows = await db.selectFrom('stock_level').selectAll().execute();
  const ledger = await db
    .selectFrom('stock_ledger')
    .select([
      'sku',
      'warehouse',
      'shard',
      sql<number>`sum(d_physical)`.as('physical'),
      sql<number>`sum(d_reserved)`.as('reserved'),
      sql<number>`sum(d_safety)`.as('safety'),
      sql<number>`sum(d_activity)`.as('activity'),
    ])
    .groupBy(['sku', 'warehouse', 'shard'])
    .execute();
  const open = await db
    .selectFrom('stock_deduction as d')
    .innerJoin('stock_order as o', 'o.order_no', 'd.order_no')
    .select(['d.sku', 'd.warehouse', 'd.shard', sql<number>`sum(d.quantity)`.as('units')])
    .where('o.status', '=', 'reserved')
    .groupBy(['d.sku', 'd.warehouse', 'd.shard'])
    .execute();
  const key = (r: { sku: string; warehouse: string; shard: number }) =>
    `${r.sku}/${r.warehouse}/${Number(r.shard)}`;
  const sums = new Map(ledger.map((l) => [key(l), l]));
  const held = new Map(open.map((o) => [key(o), Number(o.units)]));
  for (const r of rows) {
    for (const column of ['physical', 'reserved', 'safety', 'activity'] as const) {
      expect(Number(r[column]), `${key(r)} ${column} >= 0`).toBeGreaterThanOrEqual(0);
      expect(Number(sums.get(key(r))?.[column] ?? 0), `${key(r)} ledger sum of ${column}`).toBe(
        Number(r[column]),
      );
    }
    expect(Number(r.reserved), `${key(r)} reserved = open reservations`).toBe(
      held.get(key(r)) ?? 0,
    );
  }
  const activities = await db
    .selectFrom('stock_activity')
    .select(['sku', 'warehouse', sql<number>`sum(allocated - sold)`.as('left')])
    .where('status', '=', 'active')
    .groupBy(['sku', 'warehouse'])
    .execute();
  for (const a of activities) {
    const pool = rows
      .filter((r) => r.sku === a.sku && r.warehouse === a.warehouse)
      .reduce((n, r) => n + Number(r.activity), 0);
    expect(pool, `${a.sku}/${a.warehouse} activity pool`).toBe(Number(a.left));
  }
}
