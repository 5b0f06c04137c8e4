import type { ChangeEvent, MessageTransport } from '@mallkit/sync';
import { type Kysely, sql } from 'kysely';
import type { MallDatabase } from '../catalog/MallDatabase.ts';

/** A SKU's stock totals as the product system keeps them. */
export interface StockTotals {
  sku: string;
  sellable: number;
  version: number;
}

/** Topic of the server's change feed. */
export const changeTopic = 'mall.changes';

/**
 * Publishes what changed to the feed, after the change committed: a product's new
 * version, or a SKU's stock as the inventory's primary now holds it (its sellable
 * units and the sum of its rows' versions, which every stock write increases). Each
 * event carries the state, not a delta, so a redelivered or late one cannot regress
 * the product system's view (the consumer writes a higher version only).
 */
export class ChangeFeed {
  readonly #db: Kysely<MallDatabase>;
  readonly #transport: MessageTransport;
  readonly #source: string;

  constructor(options: { db: Kysely<MallDatabase>; transport: MessageTransport; source: string }) {
    this.#db = options.db;
    this.#transport = options.transport;
    this.#source = options.source;
  }

  /** A product row changed (now at `version`). */
  async product(sku: string, version: number): Promise<void> {
    await this.#publish([
      this.#event(`product:${sku}:${version}`, 'product', sku, { sku, version }),
    ]);
  }

  /** Stock of these SKUs changed: reads their totals from the primary and publishes them. */
  async stock(skus: Iterable<string>): Promise<void> {
    const totals = await this.totals(skus);
    await this.#publish(
      totals.map((t) => this.#event(`stock:${t.sku}:${t.version}`, 'stock_level', t.sku, { ...t })),
    );
  }

  /**
   * Sellable units (never below 0) and the sum of the row versions of these SKUs, as the
   * primary holds them now.
   */
  async totals(skus: Iterable<string>): Promise<StockTotals[]> {
    const unique = [...new Set(skus)];
    if (unique.length === 0) return [];
    const rows = await this.#db
      .selectFrom('stock_level')
      .select([
        'sku',
        sql<number>`SUM(physical - reserved - safety - activity)`.as('sellable'),
        sql<number>`SUM(version)`.as('version'),
      ])
      .where('sku', 'in', unique)
      .groupBy('sku')
      .execute();
    return rows.map((row) => ({
      sku: row.sku,
      sellable: Math.max(0, Number(row.sellable)),
      version: Number(row.version),
    }));
  }

  #event(id: string, table: string, key: string, after: Record<string, unknown>): ChangeEvent {
    const at = Date.now();
    return { id, source: this.#source, table, op: 'update', key, after, at, position: String(at) };
  }

  async #publish(events: ChangeEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.#transport.publish(
      changeTopic,
      events.map((event) => ({ key: event.key, id: event.id, body: JSON.stringify(event) })),
    );
  }
}
