import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStockError, StockService } from '../src/index.js';
import { mariadb, type OpenedStore, type StockBackend, sqlite } from './fixtures/backends.js';
import { expectConsistent } from './suite/invariants.js';

/**
 * Random sequences of deduct / confirm / release / refund / restock / count /
 * expire against a plain model of the same rules. After every step the
 * service's stock must equal the model's; after each run the ledger, the
 * deduction log and the rows must agree (see `expectConsistent`).
 */
type Command =
  | { op: 'deduct'; order: number; lines: { sku: number; quantity: number }[] }
  | { op: 'confirm' | 'release'; order: number }
  | { op: 'refund'; order: number; quantity: number }
  | { op: 'restock'; sku: number; quantity: number }
  | { op: 'count'; sku: number; physical: number }
  | { op: 'expire' };

const SKUS = 3;
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('deduct' as const),
      order: fc.nat(11),
      lines: fc.uniqueArray(
        fc.record({ sku: fc.nat(SKUS - 1), quantity: fc.integer({ min: 1, max: 6 }) }),
        {
          minLength: 1,
          maxLength: 2,
          selector: (l) => l.sku,
        },
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constantFrom('confirm' as const, 'release' as const),
      order: fc.nat(11),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('refund' as const),
      order: fc.nat(11),
      quantity: fc.integer({ min: 1, max: 4 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('restock' as const),
      sku: fc.nat(SKUS - 1),
      quantity: fc.integer({ min: 1, max: 10 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('count' as const),
      sku: fc.nat(SKUS - 1),
      physical: fc.nat(25),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'expire' as const }) },
);

interface ModelOrder {
  status: 'reserved' | 'confirmed' | 'released' | 'expired' | 'refunded';
  lines: { sku: number; quantity: number }[];
  refunded: number[];
}

const at = (list: number[], i: number) => list[i] ?? 0;
const add = (list: number[], i: number, delta: number) => {
  list[i] = at(list, i) + delta;
};

const outcome = async (work: Promise<unknown>) => {
  try {
    await work;
    return 'ok';
  } catch (error) {
    if (isStockError(error)) return error.code;
    throw error;
  }
};

function propertySuite(backend: StockBackend, runs: number): void {
  describe(`${backend.name}: random operation sequences keep stock consistent with a model`, () => {
    let store: OpenedStore;
    let run = 0;
    beforeAll(async () => {
      store = await backend.open();
      await new StockService({ db: store.db }).defineWarehouse({ code: 'w' });
    });
    afterAll(() => store.close());

    it('matches the model after every step', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(command, { minLength: 1, maxLength: 25 }),
          fc.boolean(),
          async (commands, sharded) => {
            const id = `p${++run}`;
            let clock = 1_000_000;
            const service = new StockService({
              db: store.db,
              now: () => clock,
              reservationTtlMs: 1000,
              catalogTtlMs: 0,
            });
            const sku = (i: number) => `${id}-s${i}`;
            const physical = Array.from({ length: SKUS }, () => 5);
            const reserved = Array.from({ length: SKUS }, () => 0);
            const orders = new Map<number, ModelOrder>();
            let receipts = 0;
            for (let i = 0; i < SKUS; i++) {
              await service.defineSku({ sku: sku(i), shards: sharded ? 3 : 1 });
              await service.restock({
                sku: sku(i),
                warehouse: 'w',
                quantity: 5,
                receiptNo: `${id}-r${receipts++}`,
              });
            }
            for (const c of commands) {
              const orderNo = `${id}-o${'order' in c ? c.order : 0}`;
              const known = 'order' in c ? orders.get(c.order) : undefined;
              let expected: string;
              let got: string;
              if (c.op === 'deduct') {
                const sameLines =
                  known &&
                  JSON.stringify(known.lines) ===
                    JSON.stringify([...c.lines].sort((a, b) => a.sku - b.sku));
                const fits = c.lines.every(
                  (l) => at(physical, l.sku) - at(reserved, l.sku) >= l.quantity,
                );
                expected = known
                  ? sameLines
                    ? 'ok'
                    : 'ORDER_CONFLICT'
                  : fits
                    ? 'ok'
                    : 'INSUFFICIENT_STOCK';
                got = await outcome(
                  service.deduct({
                    orderNo,
                    lines: c.lines.map((l) => ({ sku: sku(l.sku), quantity: l.quantity })),
                  }),
                );
                if (!known && expected === 'ok') {
                  for (const l of c.lines) add(reserved, l.sku, l.quantity);
                  const lines = [...c.lines].sort((a, b) => a.sku - b.sku);
                  orders.set(c.order, { status: 'reserved', lines, refunded: lines.map(() => 0) });
                }
              } else if (c.op === 'confirm' || c.op === 'release') {
                const to = c.op === 'confirm' ? 'confirmed' : 'released';
                const short =
                  to === 'confirmed' &&
                  known?.status === 'reserved' &&
                  known.lines.some(
                    (l) =>
                      at(physical, l.sku) <
                      known.lines
                        .filter((m) => m.sku === l.sku)
                        .reduce((n, m) => n + m.quantity, 0),
                  );
                if (!known) expected = 'ORDER_NOT_FOUND';
                else if (short)
                  expected = 'INSUFFICIENT_STOCK'; // a count came in below what it holds
                else if (known.status === 'reserved') {
                  expected = 'ok';
                  for (const l of known.lines) {
                    add(reserved, l.sku, -l.quantity);
                    if (to === 'confirmed') add(physical, l.sku, -l.quantity);
                  }
                  known.status = to;
                } else if (known.status === to || (to === 'released' && known.status === 'expired'))
                  expected = 'ok';
                else expected = 'INVALID_TRANSITION';
                got = await outcome(
                  c.op === 'confirm' ? service.confirm(orderNo) : service.release(orderNo),
                );
              } else if (c.op === 'refund') {
                const line = known?.lines[0];
                const open = known && line ? line.quantity - (known.refunded[0] ?? 0) : 0;
                if (!known) expected = 'ORDER_NOT_FOUND';
                else if (known.status !== 'confirmed' || open < c.quantity)
                  expected = 'INVALID_TRANSITION';
                else expected = 'ok';
                got = await outcome(
                  service.refund({
                    orderNo,
                    refundNo: `${id}-f${receipts++}`,
                    lines: [{ sku: sku(line?.sku ?? 0), quantity: c.quantity }],
                  }),
                );
                if (known && line && expected === 'ok') {
                  add(physical, line.sku, c.quantity);
                  add(known.refunded, 0, c.quantity);
                  if (known.lines.every((l, i) => known.refunded[i] === l.quantity))
                    known.status = 'refunded';
                }
              } else if (c.op === 'restock') {
                expected = 'ok';
                add(physical, c.sku, c.quantity);
                got = await outcome(
                  service.restock({
                    sku: sku(c.sku),
                    warehouse: 'w',
                    quantity: c.quantity,
                    receiptNo: `${id}-r${receipts++}`,
                  }),
                );
              } else if (c.op === 'count') {
                // Sharded rows are only exact while no count falls below what orders hold (see the README).
                const value = sharded ? Math.max(c.physical, at(reserved, c.sku)) : c.physical;
                expected = 'ok';
                physical[c.sku] = value;
                got = await outcome(
                  service.setPhysical({ sku: sku(c.sku), warehouse: 'w', physical: value }),
                );
              } else {
                clock += 1001;
                expected = 'ok';
                for (const o of orders.values()) {
                  if (o.status !== 'reserved') continue;
                  o.status = 'expired';
                  for (const l of o.lines) add(reserved, l.sku, -l.quantity);
                }
                while ((await service.sweepExpired()) > 0) {}
                got = 'ok';
              }
              expect(got, JSON.stringify(c)).toBe(expected);
              const views = await service.query(Array.from({ length: SKUS }, (_, i) => sku(i)));
              views.forEach((v, i) => {
                expect(
                  { physical: v.physical, reserved: v.reserved, sellable: v.sellable },
                  `${JSON.stringify(c)} ${v.sku}`,
                ).toEqual({
                  physical: physical[i],
                  reserved: reserved[i],
                  sellable: Math.max(0, at(physical, i) - at(reserved, i)),
                });
              });
            }
            await expectConsistent(store);
          },
        ),
        { numRuns: runs },
      );
    });
  });
}

propertySuite(sqlite, 60);
propertySuite(mariadb, 15);
