import type { LogEvent } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import {
  isStockError,
  migrateStock,
  ReservationSweeper,
  type StockError,
  StockService,
} from '../src/index.js';
import { mariadb, type OpenedStore, sqlite } from './fixtures/backends.js';

/** What the driver says when a table is missing: MySQL/MariaDB errno 1146, SQLite's message. */
const driverSaysMissing = (cause: unknown, backend: 'mariadb' | 'sqlite') =>
  backend === 'mariadb'
    ? (cause as { errno?: unknown }).errno === 1146
    : cause instanceof Error && /no such table: stock_/.test(cause.message);

const failureOf = async (call: Promise<unknown>): Promise<StockError> => {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isStockError(error)) throw new Error(`expected a StockError, got ${String(error)}`);
  return error;
};

for (const backend of [mariadb, sqlite]) {
  describe(`${backend.name}: a database without the stock tables`, () => {
    let store: OpenedStore | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('every call rejects with SCHEMA_MISSING telling to run migrateStock(db), the driver error as cause; after the migration the same service works', async () => {
      store = await backend.openEmpty();
      const service = new StockService({ db: store.db });
      const rejected: string[] = [];
      service.events.on('rejected', (e) => rejected.push(e.code));
      const calls: Record<string, () => Promise<unknown>> = {
        defineWarehouse: () => service.defineWarehouse({ code: 'sh-1' }),
        defineSku: () => service.defineSku({ sku: 'phone' }),
        restock: () =>
          service.restock({ sku: 'phone', warehouse: 'sh-1', quantity: 5, receiptNo: 'R-1' }),
        setPhysical: () => service.setPhysical({ sku: 'phone', warehouse: 'sh-1', physical: 5 }),
        setSafety: () => service.setSafety({ sku: 'phone', warehouse: 'sh-1', safety: 1 }),
        deduct: () => service.deduct({ orderNo: 'SO-1', lines: [{ sku: 'phone', quantity: 1 }] }),
        confirm: () => service.confirm('SO-1'),
        release: () => service.release('SO-1'),
        refund: () =>
          service.refund({
            orderNo: 'SO-1',
            refundNo: 'RF-1',
            lines: [{ sku: 'phone', quantity: 1 }],
          }),
        getOrder: () => service.getOrder('SO-1'),
        query: () => service.query(['phone']),
        allocateActivity: () =>
          service.allocateActivity({
            activityId: 'A-1',
            sku: 'phone',
            warehouse: 'sh-1',
            quantity: 1,
          }),
        getActivity: () => service.getActivity('A-1'),
        endActivity: () => service.endActivity('A-1'),
        sweepExpired: () => service.sweepExpired(),
        'ReservationSweeper.sweep': () => new ReservationSweeper(service).sweep(),
      };
      for (const [name, call] of Object.entries(calls)) {
        const error = await failureOf(call());
        expect([name, error.code]).toEqual([name, 'SCHEMA_MISSING']);
        expect(error.message).toMatch(
          /^the stock tables are missing: run migrateStock\(db\) on this database first \(.*stock_\w+.*\)$/,
        );
        expect(driverSaysMissing(error.cause, backend.name)).toBe(true);
      }
      expect(rejected).toEqual(['SCHEMA_MISSING']);

      await migrateStock(store.db);
      await service.defineWarehouse({ code: 'sh-1' });
      await service.defineSku({ sku: 'phone' });
      await service.restock({ sku: 'phone', warehouse: 'sh-1', quantity: 5, receiptNo: 'R-1' });
      const order = await service.deduct({
        orderNo: 'SO-1',
        lines: [{ sku: 'phone', quantity: 2 }],
      });
      expect(order.status).toBe('reserved');
      expect((await service.query(['phone']))[0]?.sellable).toBe(3);
    });

    it('a missing table is not retried like a deadlock: each call runs its statement once', async () => {
      const failed: LogEvent[] = [];
      store = await backend.openEmpty((event) => {
        if (event.level === 'error') failed.push(event);
      });
      const service = new StockService({ db: store.db });
      for (const call of [
        () => service.defineWarehouse({ code: 'sh-1' }),
        () => service.confirm('SO-1'),
        () => service.sweepExpired(),
      ]) {
        failed.length = 0;
        expect((await failureOf(call())).code).toBe('SCHEMA_MISSING');
        expect(failed).toHaveLength(1);
      }
    });
  });
}
