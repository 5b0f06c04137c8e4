import { EventHub } from '@mallkit/resilience';
import type { CheckpointStore } from '../checkpoints/CheckpointStore.js';
import { MemoryCheckpointStore } from '../checkpoints/MemoryCheckpointStore.js';
import { SyncError } from '../errors/SyncError.js';
import { compareCounts } from './compareCounts.js';
import type { InventoryTarget } from './InventoryTarget.js';
import { isRetryableRefusal } from './isRetryableRefusal.js';
import type { CountRejection, SyncReport } from './SyncReport.js';
import type { WarehouseCount } from './WarehouseCount.js';
import type { WarehouseSyncEvents } from './WarehouseSyncEvents.js';
import type { WarehouseSyncOptions } from './WarehouseSyncOptions.js';
import type { WarehouseSystem } from './WarehouseSystem.js';

const PAGE = 200;

/**
 * Brings physical stock from a warehouse system into the inventory: full,
 * since a cursor, for given SKUs, or pushed. It reports a diff (what changed,
 * what was rejected and why) instead of overwriting blindly, and it never
 * undoes inventory movements made while it runs: it reads the inventory
 * first, then fetches fresh counts, then writes each with a compare-and-set
 * on the value it read. A count that lost the race is reported as retryable.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 * import { type WarehouseCount, WarehouseSync, type WarehouseSystem } from '@mallkit/sync';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db }); // fits WarehouseSync's InventoryTarget as it is
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'phone-128' });
 * await stock.restock({ sku: 'phone-128', warehouse: 'sh-1', quantity: 10, receiptNo: 'GRN-1' });
 *
 * const counts: WarehouseCount[] = [{ sku: 'phone-128', warehouse: 'sh-1', physical: 12 }];
 * const wms: WarehouseSystem = { // e.g. an HttpWarehouseSystem
 *   async *fetchAll() { yield counts; },
 *   fetchChanges: async () => ({ counts, cursor: 'c-1' }),
 *   fetchCounts: async (skus) => counts.filter((count) => skus.includes(count.sku)),
 * };
 * const sync = new WarehouseSync({ system: wms, inventory: stock });
 * const report = await sync.syncSkus(['phone-128']); // or fullSync(), syncChanges(), receive(counts)
 * assert.deepEqual(report.changed, [{ sku: 'phone-128', warehouse: 'sh-1', from: 10, to: 12 }]);
 * assert.deepEqual(report.rejected, []);
 * assert.equal((await stock.query(['phone-128']))[0]?.warehouses[0]?.physical, 12);
 * assert.equal((await sync.fullSync()).unchanged, 1); // a diff, not a blind overwrite
 * await db.destroy();
 * ```
 *
 * @group Warehouse sync
 */
export class WarehouseSync {
  /** Typed events. */
  readonly events = new EventHub<WarehouseSyncEvents>('mallkit:sync:warehouse');
  readonly #system: WarehouseSystem;
  readonly #inventory: InventoryTarget;
  readonly #checkpoints: CheckpointStore;
  readonly #name: string;
  readonly #now: () => number;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: WarehouseSyncOptions) {
    this.#system = options.system;
    this.#inventory = options.inventory;
    this.#checkpoints = options.checkpoints ?? new MemoryCheckpointStore();
    this.#name = options.name ?? 'warehouse';
    this.#now = options.now ?? Date.now;
  }

  /** Every SKU the warehouse system lists, with counts fetched fresh after the inventory was read. */
  fullSync(): Promise<SyncReport> {
    return this.#serial('full', async (report) => {
      const seen = new Set<string>();
      for await (const page of this.#system.fetchAll()) {
        const skus = unique(page.map((c) => c?.sku)).filter((sku) => !seen.has(sku));
        for (const sku of skus) seen.add(sku);
        await this.#fresh(skus, report);
      }
    });
  }

  /**
   * SKUs changed since the stored cursor. The cursor advances only when no
   * count was rejected as retryable, so lost races are fetched again next time.
   */
  syncChanges(): Promise<SyncReport> {
    return this.#serial('changes', async (report) => {
      const cursor = await this.#checkpoints.load(this.#name);
      const changes = await this.#system.fetchChanges(cursor);
      await this.#fresh(unique(changes.counts.map((c) => c.sku)), report);
      if (!report.rejected.some((r) => r.retryable))
        await this.#checkpoints.save(this.#name, changes.cursor);
    });
  }

  /** On demand: these SKUs only. */
  syncSkus(skus: readonly string[]): Promise<SyncReport> {
    return this.#serial('skus', (report) => this.#fresh(unique(skus), report));
  }

  /**
   * Counts pushed by the warehouse system. They are compared with the
   * inventory as it is on arrival: movements between the warehouse's count and
   * its arrival cannot be seen here, so prefer `syncSkus` for exactness.
   */
  receive(counts: readonly WarehouseCount[]): Promise<SyncReport> {
    return this.#serial('push', async (report) => {
      for (let i = 0; i < counts.length; i += PAGE) {
        const page = counts.slice(i, i + PAGE);
        const current = await this.#read(
          unique(page.map((c) => (typeof c?.sku === 'string' ? c.sku : ''))),
          report,
        );
        await compareCounts(this.#inventory, page, current, report);
      }
    });
  }

  async #fresh(skus: string[], report: SyncReport): Promise<void> {
    for (let i = 0; i < skus.length; i += PAGE) {
      const page = skus.slice(i, i + PAGE);
      const current = await this.#read(page, report);
      const known = page.filter((sku) => current.has(sku));
      if (known.length === 0) continue;
      const counts = await this.#system.fetchCounts(known);
      await compareCounts(this.#inventory, counts, current, report);
    }
  }

  /** Physical per SKU and warehouse; unknown SKUs are rejected and left out. */
  async #read(skus: string[], report: SyncReport): Promise<Map<string, Map<string, number>>> {
    const current = new Map<string, Map<string, number>>();
    const add = (views: Awaited<ReturnType<InventoryTarget['query']>>) => {
      for (const v of views)
        current.set(v.sku, new Map(v.warehouses.map((w) => [w.warehouse, w.physical])));
    };
    try {
      add(await this.#inventory.query(skus));
    } catch {
      for (const sku of skus) {
        try {
          add(await this.#inventory.query([sku]));
        } catch (error) {
          report.rejected.push(rejection(sku, error));
        }
      }
    }
    return current;
  }

  #serial(
    kind: SyncReport['kind'],
    work: (report: SyncReport) => Promise<void>,
  ): Promise<SyncReport> {
    const run = async () => {
      const report: SyncReport = {
        kind,
        checked: 0,
        unchanged: 0,
        changed: [],
        rejected: [],
        startedAt: this.#now(),
        endedAt: 0,
      };
      try {
        await work(report);
      } catch (error) {
        this.events.emit('failed', { kind, error });
        throw new SyncError(
          'SOURCE_UNAVAILABLE',
          `warehouse ${kind} sync failed: ${String(error)}`,
          { cause: error },
        );
      }
      report.endedAt = this.#now();
      this.events.emit('synced', { report });
      return report;
    };
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }
}

const unique = (skus: readonly unknown[]): string[] =>
  [...new Set(skus)].filter((s): s is string => typeof s === 'string' && s.length > 0);

function rejection(sku: string, error: unknown): CountRejection {
  return {
    sku,
    warehouse: '',
    physical: -1,
    reason: error instanceof Error ? error.message : String(error),
    retryable: isRetryableRefusal(error),
  };
}
