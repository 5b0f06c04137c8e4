import type { Kysely } from 'kysely';
import type { SqlDialect } from '../dialect/SqlDialect.js';
import { StockError } from '../errors/StockError.js';
import type { StockDatabase } from '../schema/StockDatabase.js';
import { runTransaction } from '../transactions/runTransaction.js';
import type { CombinedRequest, CombinedResult } from './CombinedRequest.js';
import type { CombiningOptions } from './CombiningOptions.js';
import { reserveBatch } from './reserveBatch.js';

interface Waiting {
  request: CombinedRequest;
  resolve(result: CombinedResult): void;
  reject(error: unknown): void;
}

interface RowQueue {
  waiting: Waiting[];
  running: boolean;
}

/**
 * Hot-row grouping inside one process: single-line orders of one stock row
 * queue up while that row's transaction runs, and the next transaction takes
 * them all at once. No timer, no added latency when idle: the first order goes
 * alone, the batch grows only as fast as orders arrive during a commit.
 * A second send of an order number already in the queue waits for the first
 * and is then replayed.
 */
export class Combiner {
  readonly #db: Kysely<StockDatabase>;
  readonly #dialect: SqlDialect;
  readonly #maxBatch: number;
  readonly #rows = new Map<string, RowQueue>();

  constructor(db: Kysely<StockDatabase>, dialect: SqlDialect, options: CombiningOptions = {}) {
    this.#db = db;
    this.#dialect = dialect;
    const maxBatch = options.maxBatch ?? 128;
    if (!Number.isSafeInteger(maxBatch) || maxBatch < 1) {
      throw new StockError(
        'INVALID_OPTION',
        `combining.maxBatch must be a whole number >= 1; got ${String(maxBatch)}`,
      );
    }
    this.#maxBatch = maxBatch;
  }

  submit(request: CombinedRequest): Promise<CombinedResult> {
    const key = `${request.sku}\u0000${request.warehouse}`;
    let queue = this.#rows.get(key);
    if (!queue) {
      queue = { waiting: [], running: false };
      this.#rows.set(key, queue);
    }
    const pending = queue;
    const promise = new Promise<CombinedResult>((resolve, reject) => {
      pending.waiting.push({ request, resolve, reject });
    });
    if (!queue.running) void this.#drain(key, queue);
    return promise;
  }

  async #drain(key: string, queue: RowQueue): Promise<void> {
    queue.running = true;
    while (queue.waiting.length > 0) {
      const taken = queue.waiting.splice(0, this.#maxBatch);
      const first = new Map<string, Waiting>();
      const batch: Waiting[] = [];
      const repeats: Waiting[] = [];
      for (const w of taken) {
        if (first.has(w.request.orderNo)) repeats.push(w);
        else {
          first.set(w.request.orderNo, w);
          batch.push(w);
        }
      }
      const head = batch[0]?.request as CombinedRequest;
      const shard = head.shards > 1 ? Math.floor(Math.random() * head.shards) : 0;
      try {
        const results = await runTransaction(this.#db, this.#dialect, (trx) =>
          reserveBatch(
            trx,
            this.#dialect,
            { sku: head.sku, warehouse: head.warehouse, shard },
            batch.map((w) => w.request),
          ),
        );
        const outcome = new Map<string, CombinedResult>();
        batch.forEach((w, i) => {
          const result = results[i] as CombinedResult;
          // A sharded SKU's order that did not fit this shard may fit another: normal path.
          const final: CombinedResult =
            result.kind === 'short' && head.shards > 1 ? { kind: 'alone' } : result;
          outcome.set(w.request.orderNo, final);
          w.resolve(final);
        });
        for (const w of repeats) {
          const of = outcome.get(w.request.orderNo) as CombinedResult;
          w.resolve(of.kind === 'reserved' ? { kind: 'exists' } : of);
        }
      } catch (error) {
        const alone = this.#dialect.isDuplicateKey(error) || isDuplicateCause(error, this.#dialect);
        for (const w of [...batch, ...repeats]) {
          if (alone) w.resolve({ kind: 'alone' });
          else w.reject(error);
        }
      }
    }
    queue.running = false;
    this.#rows.delete(key);
  }
}

const isDuplicateCause = (error: unknown, dialect: SqlDialect) =>
  error instanceof Error && dialect.isDuplicateKey(error.cause);
