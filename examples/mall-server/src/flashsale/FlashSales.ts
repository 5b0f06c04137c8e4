import type { DependencyPolicy } from '@mallkit/resilience';
import { StockError, type StockService } from '@mallkit/stock';
import type { FlashSaleWriter, RedisFlashSale } from '@mallkit/stock/redis';
import type { Kysely } from 'kysely';
import type { MallDatabase } from '../catalog/MallDatabase.ts';

/** A buy's answer. */
export interface BuyResult {
  orderNo: string;
  /** `admitted`: the units are the buyer's (written to the DB behind the answer); `reserved`: written already (SQL engine); `unconfirmed`: retry with the same number. */
  status: 'admitted' | 'reserved' | 'unconfirmed';
  replayed: boolean;
}

/** An activity as the API shows it. */
export interface ActivityView {
  activityId: string;
  engine: 'redis' | 'sql';
  lines: Array<{
    sku: string;
    warehouse: string;
    allocated: number;
    sold: number;
    remaining: number;
    status: string;
  }>;
  /** Admitted orders not yet written to the database (Redis engine). */
  pending: number;
}

/**
 * Flash sales: on the real stack admissions run as one Lua script on Redis and writers
 * bring them to the database behind the answers; embedded, the activity's pool is sold
 * by the SQL conditional update. Every instance opens the activities it finds and runs
 * a writer for each (the writers share the work through a consumer group).
 */
export class FlashSales {
  readonly engine: 'redis' | 'sql';
  readonly #stock: StockService;
  readonly #sale: RedisFlashSale | undefined;
  readonly #db: Kysely<MallDatabase>;
  readonly #policy: DependencyPolicy;
  readonly #writers = new Map<string, FlashSaleWriter>();
  readonly #instance: string;
  readonly #claimIdleMs: number;
  readonly #onAllocated: ((skus: string[]) => void) | undefined;
  #timer: NodeJS.Timeout | undefined;
  #discovering: Promise<void> | undefined;

  constructor(options: {
    stock: StockService;
    sale: RedisFlashSale | undefined;
    db: Kysely<MallDatabase>;
    policy: DependencyPolicy;
    instance: string;
    /** See `MallConfig.flashClaimIdleMs`. */
    claimIdleMs: number;
    /** Called with the SKUs whose stock an allocation changed. */
    onAllocated?: (skus: string[]) => void;
  }) {
    this.#onAllocated = options.onAllocated;
    this.#stock = options.stock;
    this.#sale = options.sale;
    this.#db = options.db;
    this.#policy = options.policy;
    this.#instance = options.instance;
    this.#claimIdleMs = options.claimIdleMs;
    this.engine = options.sale === undefined ? 'sql' : 'redis';
  }

  /** Opens the active Redis activities and starts their writers, now and every `everyMs`. */
  async start(everyMs = 2_000): Promise<void> {
    await this.discover();
    this.#timer = setInterval(() => {
      this.discover().catch(() => undefined);
    }, everyMs);
    this.#timer.unref();
  }

  /** Finds active Redis activities this instance has not opened yet. */
  discover(): Promise<void> {
    const sale = this.#sale;
    if (sale === undefined) return Promise.resolve();
    this.#discovering ??= (async () => {
      const rows = await this.#db
        .selectFrom('stock_activity')
        .select('activity_id')
        .distinct()
        .where('strategy', '=', 'redis')
        .where('status', '=', 'active')
        .execute();
      const active = new Set(rows.map((r) => r.activity_id));
      for (const [id, writer] of this.#writers) {
        if (active.has(id)) continue; // ended elsewhere: this instance's writer has nothing left to do
        this.#writers.delete(id);
        await writer.stop();
      }
      for (const { activity_id: id } of rows) {
        if (this.#writers.has(id)) continue;
        await sale.open(id);
        const writer = sale.writer(id, {
          consumer: this.#instance,
          claimIdleMs: this.#claimIdleMs,
        });
        writer.start();
        this.#writers.set(id, writer);
      }
    })().finally(() => {
      this.#discovering = undefined;
    });
    return this.#discovering;
  }

  /** The Redis engine's events (admissions, writes, over-admissions, dead letters), if it runs. */
  get events(): RedisFlashSale['events'] | undefined {
    return this.#sale?.events;
  }

  /**
   * Ends an activity: on Redis, stops admitting, waits until every admitted order is in the
   * database, then returns the unsold units to sellable stock. Resolves to those units.
   */
  async end(activityId: string): Promise<number> {
    const rows = await this.#stock.getActivity(activityId);
    if (rows.length === 0) throw new StockError('UNKNOWN_ACTIVITY', `no activity "${activityId}"`);
    const sale = this.#sale;
    const returned =
      sale !== undefined && rows.some((r) => r.strategy === 'redis')
        ? await (async () => {
            if (!this.#writers.has(activityId)) await this.discover();
            return sale.close(activityId);
          })()
        : await this.#stock.endActivity(activityId);
    await this.#writers.get(activityId)?.stop();
    this.#writers.delete(activityId);
    this.#onAllocated?.(rows.map((r) => r.sku));
    return returned;
  }

  /**
   * Sets a Redis activity's counters to what the database allows (after a failover, or
   * after orders were released in the database); never more.
   */
  async reconcile(activityId: string): Promise<unknown> {
    const sale = this.#sale;
    if (sale === undefined) {
      throw new StockError(
        'INVALID_REQUEST',
        'only flash sales on Redis have counters to reconcile',
      );
    }
    if (!this.#writers.has(activityId)) await this.discover();
    return sale.reconcile(activityId);
  }

  /** Allocates a pool for an activity and opens it. */
  async create(input: {
    activityId: string;
    sku: string;
    warehouse: string;
    quantity: number;
  }): Promise<void> {
    await this.#stock.allocateActivity({ ...input, strategy: this.engine });
    this.#onAllocated?.([input.sku]);
    await this.discover();
  }

  /** One buyer's order against an activity. */
  async buy(order: {
    orderNo: string;
    activityId: string;
    sku: string;
    quantity: number;
  }): Promise<BuyResult> {
    const lines = [{ sku: order.sku, quantity: order.quantity, activityId: order.activityId }];
    const sale = this.#sale;
    if (sale === undefined) {
      const outcome = await this.#stock.deduct({ orderNo: order.orderNo, lines });
      return { orderNo: outcome.orderNo, status: 'reserved', replayed: outcome.replayed };
    }
    if (!this.#writers.has(order.activityId)) await this.discover();
    if (!this.#writers.has(order.activityId)) {
      throw new StockError('UNKNOWN_ACTIVITY', `no active flash sale "${order.activityId}"`);
    }
    const admission = await this.#policy.execute(() => sale.buy({ orderNo: order.orderNo, lines }));
    return { orderNo: admission.orderNo, status: admission.status, replayed: admission.replayed };
  }

  /** An activity's lines and what is left. */
  async view(activityId: string): Promise<ActivityView> {
    const rows = await this.#stock.getActivity(activityId);
    if (rows.length === 0) throw new StockError('UNKNOWN_ACTIVITY', `no activity "${activityId}"`);
    const redisRows = this.#sale !== undefined && rows.some((r) => r.strategy === 'redis');
    const left =
      redisRows && this.#writers.has(activityId) ? await this.#sale.remaining(activityId) : [];
    const pending =
      redisRows && this.#writers.has(activityId) ? await this.#sale.pending(activityId) : 0;
    return {
      activityId,
      engine: redisRows ? 'redis' : 'sql',
      pending,
      lines: rows.map((r) => {
        const live = left.find((l) => l.sku === r.sku && l.warehouse === r.warehouse);
        return {
          sku: r.sku,
          warehouse: r.warehouse,
          allocated: r.allocated,
          sold: r.sold,
          remaining: live?.remaining ?? r.allocated - r.sold,
          status: r.status,
        };
      }),
    };
  }

  /** Every activity id, in name order. */
  async list(): Promise<string[]> {
    const rows = await this.#db
      .selectFrom('stock_activity')
      .select('activity_id')
      .distinct()
      .orderBy('activity_id')
      .execute();
    return rows.map((r) => r.activity_id);
  }

  /** Stops this instance's writers. */
  async close(): Promise<void> {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    await this.#discovering?.catch(() => undefined);
    await Promise.all([...this.#writers.values()].map((w) => w.stop()));
    this.#writers.clear();
  }
}
