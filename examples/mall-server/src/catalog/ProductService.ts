import { type Cache, isCacheError } from '@mallkit/cache';
import type { ChangeFeed } from '../feed/ChangeFeed.ts';
import type { Product, ProductInput } from './Product.ts';
import type { ProductRepository, ProductWriteHook } from './ProductRepository.ts';

/** Settings of a {@link ProductService}. */
export interface ProductServiceOptions {
  /** The product cache (L1 → L2 → loader). */
  cache: Cache<Product>;
  /** Catalogue reads on a miss: the replica pool. */
  reads: ProductRepository;
  /** Writes, and the reads that must see them: the primary. */
  primary: ProductRepository;
  /** Where committed changes are announced. */
  feed: ChangeFeed;
  /** Clock of `updated_at`. */
  now: () => number;
  /**
   * Runs the catalogue reads of a miss (the database's timeout and breaker): a cache hit
   * never goes through it, so an open breaker cannot refuse what the cache holds.
   * @default run as is
   */
  guard?: <R>(read: () => Promise<R>) => Promise<R>;
  /**
   * Told when a committed write could not refresh the cache because Redis failed
   * (`L2_UNAVAILABLE`): the write stands and is answered; this instance dropped its L1
   * copy, and the change feed's invalidation (relayed from the outbox once Redis is back)
   * or the entry's TTL clears the other tiers.
   * @default ignore
   */
  onCacheWriteFailed?: (sku: string, error: unknown) => void;
  /**
   * Records the change in the write's own transaction (the MySQL outbox, relayed to the
   * feed by `OutboxSource`); without it the change is published after the commit.
   */
  outbox?: ProductWriteHook;
}

/**
 * The product system: cache-aside reads (L1 → L2 → one SQL `IN (…)` on the replicas)
 * and writes that go to the primary, then refresh the cache from the primary (so a
 * lagging replica cannot put the old row back) and announce the change.
 */
export class ProductService {
  readonly #o: ProductServiceOptions;

  constructor(options: ProductServiceOptions) {
    this.#o = options;
  }

  /** One product, or `undefined`. */
  get(sku: string): Promise<Product | undefined> {
    return this.#o.cache.get(
      sku,
      async (key) => (await this.#read(() => this.#o.reads.findMany([key])))[0] ?? null,
    );
  }

  /** Many products in the order asked (`undefined` for unknown ones). */
  getMany(skus: readonly string[]): Promise<Array<Product | undefined>> {
    return this.#o.cache.getMany(skus, (missing) =>
      this.#read(() => this.#o.reads.findMany(missing)),
    );
  }

  #read<R>(read: () => Promise<R>): Promise<R> {
    return this.#o.guard === undefined ? read() : this.#o.guard(read);
  }

  /** Creates or updates a product; with `expectedVersion`, only from that version. */
  async save(input: ProductInput, expectedVersion?: number): Promise<Product | undefined> {
    const outbox = this.#o.outbox;
    const version = await this.#o.primary.upsert(input, this.#o.now(), {
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
      ...(outbox === undefined ? {} : { inTransaction: outbox }),
    });
    if (version === undefined) return undefined;
    if (outbox === undefined) await this.#o.feed.product(input.sku, version);
    return this.refresh(input.sku);
  }

  /** Reads a product from the primary into the cache (every instance's L1 drops it). */
  async refresh(sku: string): Promise<Product | undefined> {
    const [fresh] = await this.#o.primary.findMany([sku]);
    try {
      if (fresh === undefined) await this.#o.cache.invalidate(sku);
      else await this.#o.cache.set(sku, fresh);
    } catch (error) {
      if (!isCacheError(error) || error.code !== 'L2_UNAVAILABLE') throw error;
      this.#o.onCacheWriteFailed?.(sku, error);
    }
    return fresh;
  }
}
