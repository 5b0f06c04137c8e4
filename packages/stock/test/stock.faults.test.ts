import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectDialect } from '../src/dialect/detectDialect.js';
import {
  isStockError,
  MemoryLockProvider,
  ReservationSweeper,
  StockService,
} from '../src/index.js';
import { distributedLock } from '../src/strategies/distributedLock.js';
import { runTransaction } from '../src/transactions/runTransaction.js';
import { mariadb, type OpenedStore, type StockBackend, sqlite } from './fixtures/backends.js';
import { expectConsistent } from './suite/invariants.js';

/** Makes the database itself fail the ledger insert of one order, mid-transaction. */
async function failLedgerFor(
  store: OpenedStore,
  backend: StockBackend,
  ref: string,
): Promise<void> {
  if (backend.name === 'mariadb') {
    await sql
      .raw(
        `CREATE TRIGGER fail_ledger BEFORE INSERT ON stock_ledger FOR EACH ROW
         IF NEW.ref = '${ref}' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected ledger failure'; END IF`,
      )
      .execute(store.db);
  } else {
    await sql
      .raw(
        `CREATE TRIGGER fail_ledger BEFORE INSERT ON stock_ledger WHEN NEW.ref = '${ref}'
         BEGIN SELECT RAISE(ABORT, 'injected ledger failure'); END`,
      )
      .execute(store.db);
  }
}

for (const backend of [mariadb, sqlite]) {
  describe(`${backend.name}: faults`, () => {
    let store: OpenedStore;
    beforeAll(async () => {
      store = await backend.open();
    });
    afterAll(() => store.close());

    it('a database failure after the stock update leaves nothing of the order applied', async () => {
      const service = new StockService({ db: store.db, strategy: 'conditional' });
      await service.defineWarehouse({ code: 'w1' });
      await service.defineWarehouse({ code: 'w2', priority: 1 });
      await service.defineSku({ sku: 'a' });
      await service.defineSku({ sku: 'b' });
      await service.restock({ sku: 'a', warehouse: 'w1', quantity: 5, receiptNo: 'ra' });
      await service.restock({ sku: 'b', warehouse: 'w1', quantity: 2, receiptNo: 'rb1' });
      await service.restock({ sku: 'b', warehouse: 'w2', quantity: 5, receiptNo: 'rb2' });
      await failLedgerFor(store, backend, 'BROKEN-1');
      const order = {
        orderNo: 'BROKEN-1',
        lines: [
          { sku: 'a', quantity: 2 },
          { sku: 'b', quantity: 4 },
        ],
      };
      const error = await service.deduct(order).catch((e: unknown) => e);
      expect(isStockError(error) && error.code).toBe('STORE_UNAVAILABLE');
      expect((error as Error).cause).toBeInstanceOf(Error);
      const views = await service.query(['a', 'b']);
      expect(views.map((v) => [v.sku, v.reserved, v.sellable])).toEqual([
        ['a', 0, 5],
        ['b', 0, 7],
      ]);
      expect(await service.getOrder('BROKEN-1')).toBeUndefined();
      await sql.raw('DROP TRIGGER fail_ledger').execute(store.db);
      const retried = await service.deduct(order);
      expect(retried.replayed).toBe(false);
      expect(retried.parts.map((p) => [p.sku, p.warehouse, p.quantity])).toEqual([
        ['a', 'w1', 2],
        ['b', 'w1', 2],
        ['b', 'w2', 2],
      ]);
      await expectConsistent(store);
    });

    it('a lock holder whose lease expired cannot write over the next holder: the fence refuses it', async () => {
      const service = new StockService({ db: store.db });
      await service.defineWarehouse({ code: 'wf' });
      await service.defineSku({ sku: 'fenced' });
      await service.restock({ sku: 'fenced', warehouse: 'wf', quantity: 10, receiptNo: 'rf' });
      let clock = 0;
      const strategy = distributedLock({
        provider: new MemoryLockProvider(() => clock),
        ttlMs: 100,
      });
      const dialect = detectDialect(store.db);
      const row = { sku: 'fenced', warehouse: 'wf', shard: 0 };
      const seen: string[] = [];
      let open!: () => void;
      const gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      let entered!: () => void;
      const inside = new Promise<void>((resolve) => {
        entered = resolve;
      });
      let attempts = 0;
      const stale = strategy.run(['fenced'], async (taker) => {
        attempts++;
        entered();
        await gate;
        return runTransaction(store.db, dialect, async (trx) => {
          try {
            const ok = await taker.take(trx, row, 1, 'sellable');
            seen.push(`A:${ok}`);
            return ok;
          } catch (error) {
            seen.push(`A:${(error as Error).constructor.name}`);
            throw error;
          }
        });
      });
      await inside;
      clock += 101; // A's lease runs out while it is paused
      await strategy.run(['fenced'], (taker) =>
        runTransaction(store.db, dialect, async (trx) => {
          seen.push(`B:${await taker.take(trx, row, 1, 'sellable')}`);
        }),
      );
      open();
      expect(await stale).toBe(true);
      expect(seen).toEqual(['B:true', 'A:RetrySignal', 'A:true']);
      expect(attempts).toBe(2);
      const level = await store.db
        .selectFrom('stock_level')
        .select(['reserved', 'fence'])
        .where('sku', '=', 'fenced')
        .executeTakeFirstOrThrow();
      expect({ reserved: Number(level.reserved), fence: Number(level.fence) }).toEqual({
        reserved: 2,
        fence: 3,
      });
    });
  });
}

describe('setPhysical with expected', () => {
  it('applies a count only if physical stock did not move since it was read', async () => {
    const store = await sqlite.open();
    const service = new StockService({ db: store.db });
    await service.defineWarehouse({ code: 'w' });
    await service.defineSku({ sku: 's' });
    await service.restock({ sku: 's', warehouse: 'w', quantity: 10, receiptNo: 'r' });
    await service.deduct({ orderNo: 'o', lines: [{ sku: 's', quantity: 3 }] });
    await service.confirm('o');
    const stale = await service
      .setPhysical({ sku: 's', warehouse: 'w', physical: 12, expected: 10 })
      .catch((e: unknown) => e);
    expect(isStockError(stale) && stale.code).toBe('CONCURRENCY_CONFLICT');
    expect((await service.query(['s']))[0]?.physical).toBe(7);
    await service.setPhysical({ sku: 's', warehouse: 'w', physical: 12, expected: 7 });
    expect((await service.query(['s']))[0]?.physical).toBe(12);
    await store.close();
  });
});

describe('ReservationSweeper', () => {
  it('releases expired reservations in batches on start, and stops cleanly', async () => {
    const store = await sqlite.open();
    let clock = 0;
    const service = new StockService({ db: store.db, now: () => clock, reservationTtlMs: 10 });
    await service.defineWarehouse({ code: 'w' });
    await service.defineSku({ sku: 's' });
    await service.restock({ sku: 's', warehouse: 'w', quantity: 50, receiptNo: 'r' });
    for (let i = 0; i < 25; i++)
      await service.deduct({ orderNo: `o${i}`, lines: [{ sku: 's', quantity: 2 }] });
    clock = 11;
    const sweeper = new ReservationSweeper(service, { batchSize: 10, intervalMs: 60_000 });
    const released: string[] = [];
    const all = new Promise<void>((resolve) =>
      service.events.on('released', (e) => {
        released.push(e.orderNo);
        if (released.length === 25) resolve();
      }),
    );
    sweeper.start();
    await all;
    await sweeper.stop();
    expect(sweeper.released).toBe(25);
    expect((await service.query(['s']))[0]?.sellable).toBe(50);
    await store.close();
  });

  it('sweep() on a sweeper never started runs every batch, as a cron job would call it', async () => {
    const store = await sqlite.open();
    let clock = 0;
    const service = new StockService({ db: store.db, now: () => clock, reservationTtlMs: 10 });
    await service.defineWarehouse({ code: 'w' });
    await service.defineSku({ sku: 's' });
    await service.restock({ sku: 's', warehouse: 'w', quantity: 10, receiptNo: 'r' });
    for (let i = 0; i < 5; i++)
      await service.deduct({ orderNo: `c${i}`, lines: [{ sku: 's', quantity: 1 }] });
    clock = 11;
    const sweeper = new ReservationSweeper(service, { batchSize: 2 });
    expect(await sweeper.sweep()).toBe(5);
    expect(sweeper.released).toBe(5);
    expect((await service.query(['s']))[0]?.sellable).toBe(10);
    await store.close();
  });
});
