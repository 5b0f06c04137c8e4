import type { Kysely, Transaction } from 'kysely';
import type { MallDatabase } from './MallDatabase.ts';
import type { Product, ProductInput } from './Product.ts';

/** Runs inside a product write's transaction, after the row is written (e.g. the outbox insert). */
export type ProductWriteHook = (
  trx: Transaction<MallDatabase>,
  sku: string,
  version: number,
) => Promise<void>;

const columns = [
  'product.sku',
  'product.name',
  'product.category',
  'product.price_cents',
  'product.description',
  'product.version',
  'product.updated_at',
  'product_stock.available',
] as const;

type Row = {
  sku: string;
  name: string;
  category: string;
  price_cents: number;
  description: string;
  version: number;
  updated_at: number | string;
  available: number | null;
};

const toProduct = (row: Row): Product => ({
  sku: row.sku,
  name: row.name,
  category: row.category,
  priceCents: Number(row.price_cents),
  description: row.description,
  available: Number(row.available ?? 0),
  version: Number(row.version),
  updatedAt: Number(row.updated_at),
});

/** The catalogue's SQL: reads from the pool it is given, writes to the primary. */
export class ProductRepository {
  readonly #db: Kysely<MallDatabase>;

  constructor(db: Kysely<MallDatabase>) {
    this.#db = db;
  }

  /** Products by SKU, in the order asked, `undefined` for unknown ones: one `IN (…)`. */
  async findMany(skus: readonly string[]): Promise<Array<Product | undefined>> {
    if (skus.length === 0) return [];
    const rows = await this.#db
      .selectFrom('product')
      .leftJoin('product_stock', 'product_stock.sku', 'product.sku')
      .select(columns)
      .where('product.sku', 'in', [...new Set(skus)])
      .execute();
    const bySku = new Map(rows.map((row) => [row.sku, toProduct(row)]));
    return skus.map((sku) => bySku.get(sku));
  }

  /** One page of a category in SKU order, after `cursor` (the last SKU of the previous page). */
  async listCategory(category: string, limit: number, cursor?: string): Promise<Product[]> {
    let query = this.#db
      .selectFrom('product')
      .leftJoin('product_stock', 'product_stock.sku', 'product.sku')
      .select(columns)
      .where('product.category', '=', category);
    if (cursor !== undefined) query = query.where('product.sku', '>', cursor);
    const rows = await query.orderBy('product.sku').limit(limit).execute();
    return rows.map(toProduct);
  }

  /** Categories with their product counts. */
  async categories(): Promise<Array<{ category: string; products: number }>> {
    const rows = await this.#db
      .selectFrom('product')
      .select(['category', (eb) => eb.fn.countAll<number>().as('products')])
      .groupBy('category')
      .orderBy('category')
      .execute();
    return rows.map((row) => ({ category: row.category, products: Number(row.products) }));
  }

  /**
   * Inserts or updates a product in one transaction and returns its new version. With
   * `expectedVersion`, only a row still at that version is updated (`undefined`
   * otherwise). `inTransaction` runs in the same transaction once the row is written and
   * locked: the outbox write, so the change is announced if and only if it commits.
   */
  async upsert(
    input: ProductInput,
    now: number,
    options: { expectedVersion?: number; inTransaction?: ProductWriteHook } = {},
  ): Promise<number | undefined> {
    const description = input.description ?? '';
    return this.#db.transaction().execute(async (trx) => {
      let update = trx
        .updateTable('product')
        .set((eb) => ({
          name: input.name,
          category: input.category,
          price_cents: input.priceCents,
          description,
          version: eb('version', '+', 1),
          updated_at: now,
        }))
        .where('sku', '=', input.sku);
      if (options.expectedVersion !== undefined) {
        update = update.where('version', '=', options.expectedVersion);
      }
      const updated = await update.executeTakeFirst();
      if (updated.numUpdatedRows === 0n) {
        if (options.expectedVersion !== undefined) return undefined;
        await trx
          .insertInto('product')
          .values({
            sku: input.sku,
            name: input.name,
            category: input.category,
            price_cents: input.priceCents,
            description,
            version: 1,
            updated_at: now,
          })
          .execute();
      }
      const { version } = await trx
        .selectFrom('product')
        .select('version')
        .where('sku', '=', input.sku)
        .executeTakeFirstOrThrow();
      await options.inTransaction?.(trx, input.sku, Number(version));
      return Number(version);
    });
  }

  /** Number of products. */
  async count(): Promise<number> {
    const row = await this.#db
      .selectFrom('product')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
