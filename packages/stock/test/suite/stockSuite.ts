import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isStockError,
  type StockErrorCode,
  StockService,
  type StockServiceOptions,
} from '../../src/index.js';
import type { StrategyName } from '../../src/strategies/DeductionStrategy.js';
import type { OpenedStore, StockBackend } from '../fixtures/backends.js';
import { expectConsistent } from './invariants.js';

type SqlStrategy = Exclude<StrategyName, 'redis'>;

const codeOf = async (work: Promise<unknown>): Promise<StockErrorCode | 'ok' | 'other'> => {
  try {
    await work;
    return 'ok';
  } catch (error) {
    return isStockError(error) ? error.code : 'other';
  }
};

const count = <T>(items: T[], of: T) => items.filter((i) => i === of).length;

/**
 * The behaviour every backend and strategy must show, run against real
 * databases (MariaDB and SQLite): no oversell, no double deduction, exact
 * releases and expiries, typed errors with nothing written.
 */
export function stockSuite(backend: StockBackend, strategies: readonly SqlStrategy[]): void {
  describe.each(strategies)(`${backend.name}: %s strategy`, (strategy) => {
    let store: OpenedStore;
    let clock = 1_700_000_000_000;
    let service: StockService;
    const make = (extra: Partial<StockServiceOptions> = {}) =>
      new StockService({
        db: store.db,
        strategy,
        now: () => clock,
        reservationTtlMs: 60_000,
        optimistic: { maxAttempts: 200, backoffMs: 4 },
        lock: { waitMs: 30_000 },
        catalogTtlMs: 0,
        ...extra,
      });

    beforeAll(async () => {
      store = await backend.open();
      service = make();
      await service.defineWarehouse({ code: 'wh-a', region: 'east', priority: 1 });
      await service.defineWarehouse({ code: 'wh-b', region: 'west', priority: 2 });
    });
    afterAll(() => store.close());

    const stocked = async (
      sku: string,
      units: number,
      options: { shards?: number; warehouse?: string } = {},
    ) => {
      await service.defineSku({ sku, ...(options.shards ? { shards: options.shards } : {}) });
      await service.restock({
        sku,
        warehouse: options.warehouse ?? 'wh-a',
        quantity: units,
        receiptNo: `R-${sku}`,
      });
    };
    const sellable = async (sku: string) => (await service.query([sku]))[0]?.sellable;

    it('2,000 concurrent orders against 500 units sell exactly 500', async () => {
      await stocked('flash', 500);
      const codes = await Promise.all(
        Array.from({ length: 2000 }, (_, i) =>
          codeOf(service.deduct({ orderNo: `F-${i}`, lines: [{ sku: 'flash', quantity: 1 }] })),
        ),
      );
      expect(count(codes, 'ok')).toBe(500);
      expect(count(codes, 'INSUFFICIENT_STOCK')).toBe(1500);
      const [view] = await service.query(['flash']);
      expect(view).toMatchObject({ physical: 500, reserved: 500, sellable: 0 });
      await expectConsistent(store);
    });

    it('an order sent 3 times concurrently is deducted once', async () => {
      await stocked('dup', 1000);
      const sends = Array.from({ length: 100 }, (_, i) => ({
        orderNo: `D-${i}`,
        lines: [{ sku: 'dup', quantity: 1 + (i % 3) }],
      }));
      const outcomes = await Promise.all(
        sends.flatMap((o) => [service.deduct(o), service.deduct(o), service.deduct(o)]),
      );
      expect(outcomes.filter((o) => !o.replayed)).toHaveLength(100);
      const wanted = sends.reduce((n, o) => n + (o.lines[0]?.quantity ?? 0), 0);
      expect(await sellable('dup')).toBe(1000 - wanted);
      await expectConsistent(store);
    });

    it('the same order number with other lines is a conflict', async () => {
      await stocked('conf', 10);
      await service.deduct({ orderNo: 'C-1', lines: [{ sku: 'conf', quantity: 1 }] });
      expect(
        await codeOf(service.deduct({ orderNo: 'C-1', lines: [{ sku: 'conf', quantity: 2 }] })),
      ).toBe('ORDER_CONFLICT');
      expect(await sellable('conf')).toBe(9);
    });

    it('a retry of an order that sold the last units replays it instead of refusing it', async () => {
      // from an activity's pool, and from a SKU stocked in two warehouses: both are
      // planned before the transaction, and the plan finds nothing left
      await stocked('last', 5);
      await service.allocateActivity({
        activityId: 'LA',
        sku: 'last',
        warehouse: 'wh-a',
        quantity: 2,
      });
      const pool = [{ sku: 'last', quantity: 2, activityId: 'LA' }];
      const first = await service.deduct({ orderNo: 'LAST-1', lines: pool });
      expect(await service.deduct({ orderNo: 'LAST-1', lines: pool })).toEqual({
        ...first,
        replayed: true,
      });
      const other = [{ sku: 'last', quantity: 1, activityId: 'LA' }];
      expect(await codeOf(service.deduct({ orderNo: 'LAST-1', lines: other }))).toBe(
        'ORDER_CONFLICT',
      );
      expect(await codeOf(service.deduct({ orderNo: 'LAST-2', lines: other }))).toBe(
        'INSUFFICIENT_STOCK',
      );

      await stocked('last2', 1, { warehouse: 'wh-a' });
      await service.restock({ sku: 'last2', warehouse: 'wh-b', quantity: 1, receiptNo: 'LAST-b' });
      const both = [{ sku: 'last2', quantity: 2 }];
      const whole = await service.deduct({ orderNo: 'LAST-3', lines: both });
      expect(await service.deduct({ orderNo: 'LAST-3', lines: both })).toEqual({
        ...whole,
        replayed: true,
      });
      expect(await sellable('last2')).toBe(0);
    });

    it('release twice restores once; confirm after release is refused', async () => {
      await stocked('rel', 10);
      await service.deduct({ orderNo: 'R-1', lines: [{ sku: 'rel', quantity: 4 }] });
      const [a, b] = await Promise.all([service.release('R-1'), service.release('R-1')]);
      expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
      expect(await sellable('rel')).toBe(10);
      expect(await codeOf(service.confirm('R-1'))).toBe('INVALID_TRANSITION');
      expect(await codeOf(service.release('nope'))).toBe('ORDER_NOT_FOUND');
      await expectConsistent(store);
    });

    it('a confirm the physical count no longer covers is refused and leaves the order reserved', async () => {
      await stocked('short', 3);
      await service.deduct({ orderNo: 'SF-1', lines: [{ sku: 'short', quantity: 2 }] });
      await service.setPhysical({ sku: 'short', warehouse: 'wh-a', physical: 1 }); // the count: 1 left
      const refused = await service.confirm('SF-1').catch((e: unknown) => e);
      expect(isStockError(refused) && refused.code).toBe('INSUFFICIENT_STOCK');
      expect(String((refused as Error).message)).toContain('restock or recount');
      expect((await service.getOrder('SF-1'))?.status).toBe('reserved');
      expect((await service.query(['short']))[0]).toMatchObject({ physical: 1, reserved: 2 });
      await service.restock({
        sku: 'short',
        warehouse: 'wh-a',
        quantity: 1,
        receiptNo: 'R-short-2',
      });
      expect((await service.confirm('SF-1')).status).toBe('confirmed');
      expect((await service.query(['short']))[0]).toMatchObject({ physical: 0, reserved: 0 });
      await expectConsistent(store);
    });

    it('a multi-line order with one line short deducts nothing', async () => {
      await stocked('ml-a', 5);
      await stocked('ml-b', 1);
      const code = await codeOf(
        service.deduct({
          orderNo: 'ML-1',
          lines: [
            { sku: 'ml-a', quantity: 3 },
            { sku: 'ml-b', quantity: 2 },
          ],
        }),
      );
      expect(code).toBe('INSUFFICIENT_STOCK');
      expect(await sellable('ml-a')).toBe(5);
      expect(await sellable('ml-b')).toBe(1);
      expect(await service.getOrder('ML-1')).toBeUndefined();
    });

    it('expiry releases exactly the unpaid ones, once, with two sweepers', async () => {
      clock += 120_000;
      while ((await service.sweepExpired()) > 0) {}
      await stocked('exp', 20);
      for (let i = 0; i < 10; i++)
        await service.deduct({ orderNo: `E-${i}`, lines: [{ sku: 'exp', quantity: 2 }] });
      for (let i = 0; i < 4; i++) await service.confirm(`E-${i}`);
      expect(await service.sweepExpired()).toBe(0);
      clock += 60_001;
      const other = make();
      const [x, y] = await Promise.all([service.sweepExpired(), other.sweepExpired()]);
      expect(x + y).toBe(6);
      expect(await service.sweepExpired()).toBe(0);
      const [view] = await service.query(['exp']);
      expect(view).toMatchObject({ physical: 12, reserved: 0, sellable: 12 });
      expect((await service.getOrder('E-5'))?.status).toBe('expired');
      expect(await codeOf(service.confirm('E-5'))).toBe('INVALID_TRANSITION');
      await expectConsistent(store);
    });

    it('refunds confirmed units once per refund number, never more than confirmed', async () => {
      await stocked('ref', 10);
      await service.deduct({ orderNo: 'RF-1', lines: [{ sku: 'ref', quantity: 3 }] });
      expect(
        await codeOf(
          service.refund({
            orderNo: 'RF-1',
            refundNo: 'X-0',
            lines: [{ sku: 'ref', quantity: 1 }],
          }),
        ),
      ).toBe('INVALID_TRANSITION');
      await service.confirm('RF-1');
      const refunds: string[] = [];
      const stop = service.events.on('refunded', ({ refundNo }) => refunds.push(refundNo));
      const both = await Promise.all(
        [1, 2].map(() =>
          service.refund({
            orderNo: 'RF-1',
            refundNo: 'X-1',
            lines: [{ sku: 'ref', quantity: 2 }],
          }),
        ),
      );
      stop();
      // one call applied it, the other is a replay; one event
      expect(both.map((o) => o.replayed).sort()).toEqual([false, true]);
      expect(refunds).toEqual(['X-1']);
      expect(await sellable('ref')).toBe(9);
      expect(
        await codeOf(
          service.refund({
            orderNo: 'RF-1',
            refundNo: 'X-2',
            lines: [{ sku: 'ref', quantity: 2 }],
          }),
        ),
      ).toBe('INVALID_TRANSITION');
      expect(
        await codeOf(
          service.refund({
            orderNo: 'RF-1',
            refundNo: 'X-1',
            lines: [{ sku: 'ref', quantity: 1 }],
          }),
        ),
      ).toBe('ORDER_CONFLICT');
      const done = await service.refund({
        orderNo: 'RF-1',
        refundNo: 'X-3',
        lines: [{ sku: 'ref', quantity: 1 }],
      });
      expect(done.status).toBe('refunded');
      expect(await sellable('ref')).toBe(10);
      await expectConsistent(store);
    });

    it('bad input is a typed error and writes nothing', async () => {
      await stocked('bad', 10);
      const line = { sku: 'bad', quantity: 1 };
      const cases: [unknown, StockErrorCode][] = [
        [{ orderNo: 'B-1', lines: [{ sku: 'nope', quantity: 1 }] }, 'UNKNOWN_SKU'],
        [{ orderNo: 'B-1', lines: [{ ...line, warehouse: 'wh-zz' }] }, 'UNKNOWN_WAREHOUSE'],
        [{ orderNo: 'B-1', lines: [{ sku: 'bad', quantity: 0 }] }, 'INVALID_ORDER'],
        [{ orderNo: 'B-1', lines: [{ sku: 'bad', quantity: -2 }] }, 'INVALID_ORDER'],
        [{ orderNo: 'B-1', lines: [{ sku: 'bad', quantity: 1.5 }] }, 'INVALID_ORDER'],
        [{ orderNo: 'B-1', lines: [{ sku: 'bad', quantity: 10_001 }] }, 'INVALID_ORDER'],
        [{ orderNo: 'B-1', lines: [] }, 'INVALID_ORDER'],
        [{ orderNo: 'B-1', lines: [line, line] }, 'INVALID_ORDER'],
        [{ lines: [line] }, 'INVALID_ORDER'],
        [{ orderNo: 'x'.repeat(65), lines: [line] }, 'INVALID_ORDER'],
      ];
      for (const [order, code] of cases) {
        expect(
          await codeOf(service.deduct(order as never)),
          JSON.stringify(order).slice(0, 80),
        ).toBe(code);
      }
      expect(
        await codeOf(
          service.restock({ sku: 'bad', warehouse: 'wh-a', quantity: -1, receiptNo: 'RB' }),
        ),
      ).toBe('INVALID_REQUEST');
      expect(
        await codeOf(
          service.restock({ sku: 'bad', warehouse: 'wh-zz', quantity: 1, receiptNo: 'RB' }),
        ),
      ).toBe('UNKNOWN_WAREHOUSE');
      expect(await service.getOrder('B-1')).toBeUndefined();
      expect(await sellable('bad')).toBe(10);
    });

    it('a sharded SKU spreads buyers over its rows and sells every unit, gathering across shards at the end', async () => {
      await stocked('hot', 203, { shards: 8 });
      const codes = await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          codeOf(service.deduct({ orderNo: `H-${i}`, lines: [{ sku: 'hot', quantity: 1 }] })),
        ),
      );
      expect(count(codes, 'ok')).toBe(203);
      await service.restock({ sku: 'hot', warehouse: 'wh-a', quantity: 8, receiptNo: 'R-hot-2' });
      const big = await service.deduct({ orderNo: 'H-big', lines: [{ sku: 'hot', quantity: 8 }] });
      expect(big.parts.length).toBeGreaterThan(1);
      expect(big.parts.reduce((n, p) => n + p.quantity, 0)).toBe(8);
      expect(await sellable('hot')).toBe(0);
      await expectConsistent(store);
    });

    it('splits a line over warehouses by priority and reports the shipping warehouse', async () => {
      await stocked('split', 3, { warehouse: 'wh-a' });
      await service.restock({
        sku: 'split',
        warehouse: 'wh-b',
        quantity: 10,
        receiptNo: 'R-split-b',
      });
      const outcome = await service.deduct({
        orderNo: 'S-1',
        lines: [{ sku: 'split', quantity: 5 }],
      });
      expect(outcome.parts.map((p) => [p.warehouse, p.quantity])).toEqual([
        ['wh-a', 3],
        ['wh-b', 2],
      ]);
      expect(outcome.shippingWarehouse).toBe('wh-a');
      await expectConsistent(store);
    });

    it('changes the split strategy at runtime for the orders that follow', async () => {
      await stocked('resplit', 3, { warehouse: 'wh-a' });
      await service.restock({
        sku: 'resplit',
        warehouse: 'wh-b',
        quantity: 10,
        receiptNo: 'R-rs-b',
      });
      const before = service.allocation;
      try {
        service.setAllocation({ strategy: 'mostStock', allowSplit: false });
        expect(service.allocation).toEqual({ strategy: 'mostStock', allowSplit: false });
        const outcome = await service.deduct({
          orderNo: 'RS-1',
          lines: [{ sku: 'resplit', quantity: 5 }],
        });
        expect(outcome.parts.map((p) => [p.warehouse, p.quantity])).toEqual([['wh-b', 5]]);
        // no split allowed: 6 fit in no single warehouse (wh-a 3, wh-b 5 left)
        expect(
          await codeOf(
            service.deduct({ orderNo: 'RS-2', lines: [{ sku: 'resplit', quantity: 6 }] }),
          ),
        ).toBe('INSUFFICIENT_STOCK');
        expect(() => service.setAllocation({ strategy: 'cheapest' as never })).toThrow(
          /allocation.strategy/,
        );
        expect(service.allocation).toEqual({ strategy: 'mostStock', allowSplit: false });
      } finally {
        service.setAllocation(before);
      }
      await expectConsistent(store);
    });

    it('flash-sale activity: sold from its pool, released back to it, the rest returned at the end', async () => {
      await stocked('act', 10);
      await service.allocateActivity({
        activityId: 'A-1',
        sku: 'act',
        warehouse: 'wh-a',
        quantity: 4,
      });
      expect(await sellable('act')).toBe(6);
      await service.deduct({
        orderNo: 'AO-1',
        lines: [{ sku: 'act', quantity: 3, activityId: 'A-1' }],
      });
      expect(
        await codeOf(
          service.deduct({
            orderNo: 'AO-2',
            lines: [{ sku: 'act', quantity: 2, activityId: 'A-1' }],
          }),
        ),
      ).toBe('INSUFFICIENT_STOCK');
      await service.release('AO-1');
      await service.deduct({
        orderNo: 'AO-3',
        lines: [{ sku: 'act', quantity: 4, activityId: 'A-1' }],
      });
      await expectConsistent(store);
      await service.release('AO-3');
      expect(await service.endActivity('A-1')).toBe(4);
      expect(await service.endActivity('A-1')).toBe(0);
      expect(await sellable('act')).toBe(10);
      await expectConsistent(store);
    });

    it('low-stock alert fires once per crossing, with hysteresis', async () => {
      await service.defineSku({ sku: 'low', lowStock: { threshold: 3, clear: 6 } });
      await service.restock({ sku: 'low', warehouse: 'wh-a', quantity: 8, receiptNo: 'R-low' });
      const seen: string[] = [];
      service.events.on('lowStock', (e) => seen.push(`low:${e.sellable}`));
      service.events.on('lowStockCleared', (e) => seen.push(`clear:${e.sellable}`));
      for (let i = 0; i < 7; i++) {
        await service.deduct({ orderNo: `L-${i}`, lines: [{ sku: 'low', quantity: 1 }] });
      }
      expect(seen).toEqual(['low:3']);
      for (let i = 0; i < 5; i++) await service.release(`L-${i}`);
      expect(seen, 'sellable 6 is not above the clear level').toEqual(['low:3']);
      await service.release('L-5');
      expect(seen).toEqual(['low:3', 'clear:7']);
      await service.deduct({ orderNo: 'L-7', lines: [{ sku: 'low', quantity: 4 }] });
      expect(seen).toEqual(['low:3', 'clear:7', 'low:3']);
      // units freed by expiry clear the alert too, without waiting for another write
      clock += 120_000;
      while ((await service.sweepExpired()) > 0) {}
      expect(seen).toEqual(['low:3', 'clear:7', 'low:3', 'clear:8']);
    });
  });
}
