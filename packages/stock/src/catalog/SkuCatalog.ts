import type { Kysely } from 'kysely';
import { StockError } from '../errors/StockError.js';
import type { StockDatabase } from '../schema/StockDatabase.js';
import type { SkuInfo } from './SkuInfo.js';

interface Cached {
  info: SkuInfo;
  until: number;
}

/**
 * SKU settings and warehouse lists, read once and kept for `ttlMs` so a hot
 * SKU's orders do not re-read them. Local admin writes forget the SKU at once;
 * other nodes see them within `ttlMs`. Unknown SKUs are never cached.
 */
export class SkuCatalog {
  readonly #db: Kysely<StockDatabase>;
  readonly #ttlMs: number;
  readonly #cache = new Map<string, Cached>();
  #warehouses: { at: number; codes: Set<string> } | undefined;

  constructor(db: Kysely<StockDatabase>, ttlMs: number) {
    this.#db = db;
    this.#ttlMs = ttlMs;
  }

  forget(sku?: string): void {
    if (sku === undefined) this.#cache.clear();
    else this.#cache.delete(sku);
    this.#warehouses = undefined;
  }

  /** The SKUs' info; `UNKNOWN_SKU` naming the first one not defined. */
  async get(skus: readonly string[]): Promise<Map<string, SkuInfo>> {
    const now = Date.now();
    const found = new Map<string, SkuInfo>();
    const missing: string[] = [];
    for (const sku of skus) {
      const hit = this.#cache.get(sku);
      if (hit && hit.until > now) found.set(sku, hit.info);
      else missing.push(sku);
    }
    if (missing.length === 0) return found;
    const [rows, levels] = await Promise.all([
      this.#db.selectFrom('stock_sku').selectAll().where('sku', 'in', missing).execute(),
      this.#db
        .selectFrom('stock_level')
        .select(['sku', 'warehouse'])
        .distinct()
        .where('sku', 'in', missing)
        .execute(),
    ]);
    for (const row of rows) {
      const info: SkuInfo = {
        sku: row.sku,
        shards: Number(row.shards),
        strategy: row.strategy,
        lowThreshold: row.low_threshold === null ? null : Number(row.low_threshold),
        lowClear: row.low_clear === null ? null : Number(row.low_clear),
        warehouses: levels
          .filter((l) => l.sku === row.sku)
          .map((l) => l.warehouse)
          .sort(),
      };
      this.#cache.set(row.sku, { info, until: now + this.#ttlMs });
      found.set(row.sku, info);
    }
    for (const sku of missing) {
      if (!found.has(sku)) throw new StockError('UNKNOWN_SKU', `unknown SKU "${sku}"`);
    }
    return found;
  }

  /** Throws `UNKNOWN_WAREHOUSE` unless every code names a defined warehouse. */
  async requireWarehouses(codes: Iterable<string>): Promise<void> {
    const wanted = [...codes];
    if (wanted.length === 0) return;
    const now = Date.now();
    let known = this.#warehouses;
    if (known && known.at + this.#ttlMs >= now && wanted.every((c) => known?.codes.has(c))) return;
    const rows = await this.#db.selectFrom('stock_warehouse').select('code').execute();
    known = { at: now, codes: new Set(rows.map((r) => r.code)) };
    this.#warehouses = known;
    const unknown = wanted.find((c) => !known.codes.has(c));
    if (unknown !== undefined) {
      throw new StockError('UNKNOWN_WAREHOUSE', `unknown warehouse "${unknown}"`);
    }
  }
}
