import type { AllocationOptions, StockService } from '@mallkit/stock';
import type { Kysely } from 'kysely';
import type { MallDatabase } from '../catalog/MallDatabase.ts';

const NAME = 'split';

/** The split strategy as the admin API takes and shows it. */
export interface Split {
  strategy: 'priority' | 'nearest' | 'mostStock';
  allowSplit: boolean;
}

/**
 * The warehouse split strategy, chosen by an admin at runtime: kept in the database
 * (`mall_setting`), applied to this instance's `StockService` at once and picked up by
 * the other instances within `everyMs`.
 */
export class SplitSetting {
  readonly #db: Kysely<MallDatabase>;
  readonly #stock: StockService;
  #current: Split;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: { db: Kysely<MallDatabase>; stock: StockService; initial: Split }) {
    this.#db = options.db;
    this.#stock = options.stock;
    this.#current = options.initial;
    this.#stock.setAllocation(options.initial);
  }

  /** The split in force on this instance. */
  get current(): Split {
    return { ...this.#current };
  }

  /** Reads the stored choice now, then every `everyMs`. */
  async start(everyMs = 2_000): Promise<void> {
    await this.refresh();
    this.#timer = setInterval(() => {
      this.refresh().catch(() => undefined);
    }, everyMs);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
  }

  /** Applies the stored choice, if there is one. */
  async refresh(): Promise<void> {
    const row = await this.#db
      .selectFrom('mall_setting')
      .select('value')
      .where('name', '=', NAME)
      .executeTakeFirst();
    if (row !== undefined) this.#apply(JSON.parse(row.value) as Split);
  }

  /** Stores a new choice for every instance and applies it here. */
  async set(split: Split): Promise<Split> {
    const value = JSON.stringify(split);
    const now = Date.now();
    this.#stock.setAllocation(split); // validates before anything is stored
    await this.#db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('mall_setting')
        .set({ value, updated_at: now })
        .where('name', '=', NAME)
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) {
        await trx
          .insertInto('mall_setting')
          .values({ name: NAME, value, updated_at: now })
          .execute();
      }
    });
    this.#apply(split);
    return this.current;
  }

  #apply(split: Split): void {
    const allocation: AllocationOptions = {
      strategy: split.strategy,
      allowSplit: split.allowSplit,
    };
    this.#stock.setAllocation(allocation);
    this.#current = { strategy: split.strategy, allowSplit: split.allowSplit };
  }
}
