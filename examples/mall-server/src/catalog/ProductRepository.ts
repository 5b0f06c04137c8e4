import type { Kysely } from 'kysely';
import type { MallDatabase } from './MallDatabase.ts';
import type { Product, ProductInput } from './Product.ts';

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
   * Inserts or updates a product. With `expectedVersion`, only if the row is still at
   * that version (false otherwise); returns whether it wrote.
   */
  async upsert(input: ProductInput, now: number, expectedVersion?: number): Promise<boolean> {
    const description = input.description ?? '';
    if (expectedVersion !== undefined) {
      const result = await this.#db
        .updateTable('product')
        .set((eb) => ({
          name: input.name,
          category: input.category,
          price_cents: input.priceCents,
          description,
          version: eb('version', '+', 1),
          updated_at: now,
        }))
        .where('sku', '=', input.sku)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    }
    await this.#db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('product')
        .set((eb) => ({
          name: input.name,
          category: input.category,
          price_cents: input.priceCents,
          description,
          version: eb('version', '+', 1),
          updated_at: now,
        }))
        .where('sku', '=', input.sku)
        .executeTakeFirst();
      if (updated.numUpdatedRows > 0n) return;
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
    });
    return true;
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
