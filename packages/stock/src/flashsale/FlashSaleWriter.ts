import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { isStockError, StockError } from '../errors/StockError.js';
import type { StockErrorCode } from '../errors/StockErrorCode.js';
import { claimScript } from './claimScript.js';
import type { FlashSaleContext } from './FlashSaleContext.js';
import type { FlashSaleKeys } from './FlashSaleKeys.js';
import type { FlashSaleLine } from './FlashSaleLine.js';
import type { FlashSaleConnection, FlashSaleRedis } from './FlashSaleRedis.js';
import type { FlashSaleWriterOptions } from './FlashSaleWriterOptions.js';
import { type HandOffEntry, readEntries } from './HandOffEntry.js';
import { count } from './resolveFlashSaleOptions.js';
import { SlotRouter } from './SlotRouter.js';
import { settleScript } from './settleScript.js';

/** Database refusals no retry can cure: the entry goes to the dead-letter stream at once. */
const PERMANENT: ReadonlySet<StockErrorCode> = new Set<StockErrorCode>([
  'INVALID_ORDER',
  'INVALID_REQUEST',
  'UNKNOWN_SKU',
  'UNKNOWN_WAREHOUSE',
  'UNKNOWN_ACTIVITY',
  'ORDER_CONFLICT',
  'INVALID_TRANSITION',
  'INVALID_OPTION',
]);

/** What became of one entry of a batch. */
type Result =
  | { entry: HandOffEntry; outcome: 'written'; replayed: boolean }
  | { entry: HandOffEntry; outcome: 'rejected'; message: string }
  | { entry: HandOffEntry; outcome: 'dead'; reason: string }
  | { entry: HandOffEntry; outcome: 'retry'; error: unknown };

/** A batch of entries and the connection that delivered them. */
interface Batch {
  connection: FlashSaleConnection;
  entries: HandOffEntry[];
}

/**
 * Writes an activity's admitted orders from its Redis hand-off stream to the database.
 * Made by {@link RedisFlashSale.writer}.
 *
 * Each round it takes over entries another consumer (or itself) left unsettled for
 * `claimIdleMs` (`XAUTOCLAIM`), or else reads new ones (`XREADGROUP … BLOCK`), up to
 * `batchSize`. When the sale requires replicas, it then sends `WAIT` on the connection
 * that delivered them and writes nothing until the replicas hold the entries (so the
 * database never holds an order a failover can take from Redis). It writes each order
 * with `StockService.deduct` (idempotent on the order number: an entry delivered twice,
 * because a writer died after writing and before settling, is replayed, not deducted
 * twice), then settles the batch in one script: acknowledged, deleted from the stream,
 * the order record marked `written`, `rejected` or `dead`.
 *
 * - the database refuses for want of stock: `overAdmitted`, record `rejected`;
 * - it refuses for good (unknown SKU, order conflict…): dead-lettered at once;
 * - it (or Redis) is unavailable: the entry stays pending, is taken over after
 *   `claimIdleMs`, and after `maxDeliveries` deliveries is dead-lettered with the last
 *   error. A dead-lettered order was admitted but never written: its units return to
 *   Redis at the next reconcile, and `buy` with its number throws `STORE_UNAVAILABLE`.
 *
 * Delivery is at least once, and so are the events: two writers that both took an entry
 * (one was slower than `claimIdleMs`) both emit `written` for it, one with `replayed`.
 * The writer that settles the last order of a closed activity starts the retention of its
 * keys. A writer of an activity without a hand-off stream (not opened yet, purged, or
 * expired after it finished) reads nothing and reports nothing until it is opened.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { randomUUID } from 'node:crypto';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { RedisFlashSale } from '@mallkit/stock/redis';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 * import { Redis } from 'ioredis';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'tv-55' });
 * await stock.restock({ sku: 'tv-55', warehouse: 'sh-1', quantity: 10, receiptNo: 'GRN-1' });
 * await stock.allocateActivity({
 *   activityId: 'D11', sku: 'tv-55', warehouse: 'sh-1', quantity: 5, strategy: 'redis',
 * });
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * const sale = new RedisFlashSale({ redis, service: stock, prefix: `doc:${randomUUID()}` });
 * await sale.open('D11');
 *
 * const admission = await sale.buy({ orderNo: 'FS-1', lines: [{ sku: 'tv-55', quantity: 2 }] });
 * assert.equal(await stock.getOrder('FS-1'), undefined); // in Redis, not yet in the database
 * assert.equal(await sale.pending('D11'), 1);
 *
 * const writer = sale.writer('D11', { consumer: 'node-1' }); // one or more per activity
 * const written = new Promise((resolve) => sale.events.on('written', resolve));
 * writer.start();
 * assert.deepEqual(await written, {
 *   activityId: 'D11', orderNo: 'FS-1', streamId: admission.streamId, replayed: false,
 * });
 * assert.equal((await stock.getOrder('FS-1'))?.status, 'reserved'); // now in the database
 * assert.equal(await sale.pending('D11'), 0);
 * await writer.stop(); // lets its batch finish, closes the connection it made
 * assert.equal(writer.running, false);
 * redis.disconnect();
 * await db.destroy();
 * ```
 *
 * @group Flash sales
 */
export class FlashSaleWriter {
  /** The activity whose stream this writer reads. */
  readonly activityId: string;
  /** This writer's consumer name in the group. */
  readonly consumer: string;
  readonly #context: FlashSaleContext;
  readonly #keys: FlashSaleKeys;
  readonly #options: Required<Omit<FlashSaleWriterOptions, 'redis'>>;
  readonly #given: FlashSaleRedis | undefined;
  readonly #lastErrors = new Map<string, string>();
  #client: FlashSaleRedis | undefined;
  #router: SlotRouter | undefined;
  #loop: Promise<void> | undefined;
  #stopping = false;
  #blocked = false;
  #abort = new AbortController();

  /**
   * Use {@link RedisFlashSale.writer}.
   * @internal
   */
  constructor(context: FlashSaleContext, activityId: string, options: FlashSaleWriterOptions) {
    this.#context = context;
    this.#keys = context.keys(activityId);
    this.activityId = activityId;
    this.consumer = options.consumer ?? `writer-${randomUUID()}`;
    this.#options = {
      consumer: this.consumer,
      batchSize: options.batchSize ?? 100,
      blockMs: options.blockMs ?? 1000,
      claimIdleMs: options.claimIdleMs ?? 30_000,
      maxDeliveries: options.maxDeliveries ?? 10,
      concurrency: options.concurrency ?? 4,
      retryDelayMs: options.retryDelayMs ?? 500,
    };
    if (!/^[^\s]{1,128}$/.test(this.consumer)) {
      throw new StockError(
        'INVALID_OPTION',
        'FlashSaleWriter: consumer must be 1 to 128 characters without spaces',
      );
    }
    count('batchSize', this.#options.batchSize, 1);
    count('blockMs', this.#options.blockMs, 1);
    count('claimIdleMs', this.#options.claimIdleMs, 1);
    count('maxDeliveries', this.#options.maxDeliveries, 1);
    count('concurrency', this.#options.concurrency, 1);
    count('retryDelayMs', this.#options.retryDelayMs, 0);
    this.#given = options.redis;
    if (!this.#given && typeof context.settings.redis.duplicate !== 'function') {
      throw new StockError(
        'INVALID_OPTION',
        'FlashSaleWriter: the sale client cannot duplicate(); pass a client of its own as redis',
      );
    }
  }

  /** Whether the writer runs (from `start` until `stop` resolved). */
  get running(): boolean {
    return this.#loop !== undefined;
  }

  /** Starts reading and writing in the background; a no-op when running. */
  start(): void {
    if (this.#loop) return;
    let client = this.#given;
    if (!client) {
      client = (this.#context.settings.redis.duplicate as () => FlashSaleRedis)();
      // A connection made here: its failures surface as failed commands; without a listener,
      // ioredis would print them itself.
      (client as { on?: (event: 'error', listener: () => void) => unknown }).on?.(
        'error',
        () => undefined,
      );
      client.on?.('error', () => {}); // failures surface through the commands
    }
    this.#client = client;
    this.#router = new SlotRouter(client, this.#context.settings.maxAttempts);
    this.#stopping = false;
    this.#abort = new AbortController();
    this.#loop = this.#run();
  }

  /**
   * Stops: lets the batch in hand finish (written and settled), then resolves. No timer
   * is left behind; a client the writer made is closed. Entries it read but had not
   * written stay pending and are taken over by another writer after `claimIdleMs`.
   */
  async stop(): Promise<void> {
    const loop = this.#loop;
    if (!loop) return;
    this.#stopping = true;
    this.#abort.abort();
    const owned = this.#given === undefined;
    // A blocking read of our own connection is cut short; entries it was delivering stay pending.
    // One disconnect only: a second one on the closed client arms ioredis's close timer again.
    const cut = this.#blocked && owned;
    if (cut) this.#client?.disconnect?.();
    await loop;
    if (owned && !cut) this.#client?.disconnect?.();
    this.#loop = undefined;
    this.#client = undefined;
    this.#router = undefined;
  }

  async #run(): Promise<void> {
    const { claimIdleMs, retryDelayMs } = this.#options;
    const claimEveryMs = Math.max(50, Math.floor(claimIdleMs / 2));
    let claimAt = 0;
    while (!this.#stopping) {
      try {
        let batch: Batch | undefined;
        if (Date.now() >= claimAt) {
          batch = await this.#claim();
          claimAt = batch.entries.length >= this.#options.batchSize ? 0 : Date.now() + claimEveryMs;
        }
        if (!batch || batch.entries.length === 0) batch = await this.#readNew();
        if (batch.entries.length > 0 && !(await this.#process(batch))) {
          await this.#pause(retryDelayMs);
        }
      } catch (error) {
        if (this.#stopping) break;
        this.#context.events.emit('writeFailed', {
          activityId: this.activityId,
          orderNo: '',
          streamId: '',
          error,
        });
        await this.#router?.refresh();
        await this.#pause(retryDelayMs);
      }
    }
  }

  /** Entries left unsettled for `claimIdleMs`, now delivered to this writer. */
  async #claim(): Promise<Batch> {
    const keys = this.#keys;
    const { settings } = this.#context;
    return (this.#router as SlotRouter).run(keys.tag, async (connection) => {
      const reply = await claimScript
        .run(
          connection,
          [keys.stream],
          [settings.group, this.consumer, this.#options.claimIdleMs, this.#options.batchSize],
        )
        .catch((error: unknown) => {
          if (isStreamGone(error)) return [];
          throw error;
        });
      const entries = Array.isArray(reply)
        ? readEntries(
            reply.map((item) => (Array.isArray(item) ? item : [])),
            (item) => Number(item[2] ?? 1),
          )
        : [];
      return { connection, entries };
    });
  }

  /**
   * New entries, waiting up to `blockMs` for some. An activity without a hand-off stream
   * (not opened yet, or purged or expired after it finished) has none: the writer waits
   * `blockMs` as a read would, and reads again.
   */
  async #readNew(): Promise<Batch> {
    const keys = this.#keys;
    const connection = await (this.#router as SlotRouter).connection(keys.tag);
    if (this.#stopping) return { connection, entries: [] };
    this.#blocked = true;
    let reply: unknown;
    try {
      reply = await connection.call(
        'xreadgroup',
        'GROUP',
        this.#context.settings.group,
        this.consumer,
        'COUNT',
        this.#options.batchSize,
        'BLOCK',
        this.#options.blockMs,
        'STREAMS',
        keys.stream,
        '>',
      );
    } catch (error) {
      if (!isStreamGone(error) || this.#stopping) throw error;
      reply = undefined;
    } finally {
      this.#blocked = false;
    }
    if (reply === undefined) {
      await this.#pause(this.#options.blockMs);
      return { connection, entries: [] };
    }
    const streams = Array.isArray(reply) ? reply : [];
    const items = (Array.isArray(streams[0]) ? streams[0][1] : []) as unknown;
    const list = Array.isArray(items) ? items.map((i) => (Array.isArray(i) ? i : [])) : [];
    return { connection, entries: readEntries(list, () => 1) };
  }

  /**
   * Writes a batch and settles it. Returns `false` when nothing could be done (the
   * replicas or the database are unavailable), so that the loop pauses.
   */
  async #process(batch: Batch): Promise<boolean> {
    if (!(await this.#replicated(batch.connection))) return false;
    const results: Result[] = [];
    const toWrite: HandOffEntry[] = [];
    for (const entry of batch.entries) {
      if (!entry.lines) {
        results.push({ entry, outcome: 'dead', reason: 'malformed hand-off entry' });
      } else if (entry.deliveries > this.#options.maxDeliveries) {
        const last = this.#lastErrors.get(entry.id) ?? 'unknown (its writer died)';
        results.push({
          entry,
          outcome: 'dead',
          reason: `delivered ${entry.deliveries} times without being written; last error: ${last}`,
        });
      } else toWrite.push(entry);
    }
    await eachLimited(toWrite, this.#options.concurrency, async (entry) => {
      results.push(await this.#write(entry));
    });
    const settled = results.filter((r) => r.outcome !== 'retry');
    if (settled.length > 0) await this.#settle(settled);
    for (const result of results) this.#report(result);
    return settled.length > 0;
  }

  /** Waits until the replicas hold what the last read delivered; `false` when stopping first. */
  async #replicated(connection: FlashSaleConnection): Promise<boolean> {
    const { replicas, waitTimeoutMs } = this.#context.settings;
    if (replicas === 0) return true;
    while (!this.#stopping) {
      const acknowledged = Number(await connection.call('wait', replicas, waitTimeoutMs));
      if (acknowledged >= replicas) return true;
      this.#context.events.emit('replicationShort', {
        activityId: this.activityId,
        orderNo: '',
        required: replicas,
        acknowledged,
      });
    }
    return false;
  }

  async #write(entry: HandOffEntry): Promise<Result> {
    try {
      const outcome = await this.#context.settings.service.deduct({
        orderNo: entry.orderNo,
        lines: (entry.lines as FlashSaleLine[]).map((l) => ({
          sku: l.sku,
          quantity: l.quantity,
          warehouse: l.warehouse,
          activityId: this.activityId,
        })),
      });
      return { entry, outcome: 'written', replayed: outcome.replayed };
    } catch (error) {
      if (isStockError(error) && error.code === 'INSUFFICIENT_STOCK') {
        return { entry, outcome: 'rejected', message: error.message };
      }
      if (isStockError(error) && PERMANENT.has(error.code)) {
        return { entry, outcome: 'dead', reason: `${error.code}: ${error.message}` };
      }
      return { entry, outcome: 'retry', error };
    }
  }

  async #settle(results: Result[]): Promise<void> {
    const keys = this.#keys;
    const scriptKeys = [
      keys.stream,
      keys.dead,
      keys.reconciling,
      keys.settledLog,
      keys.meta,
      keys.stock,
    ];
    const { group, retainMs } = this.#context.settings;
    const args: Array<string | number> = [group, retainMs];
    for (const r of results) {
      scriptKeys.push(keys.order(r.entry.orderNo));
      args.push(
        r.entry.id,
        r.entry.orderNo,
        r.outcome,
        r.entry.linesText,
        r.entry.deliveries,
        r.outcome === 'dead' ? r.reason : '',
      );
    }
    await (this.#router as SlotRouter).run(keys.tag, (connection) =>
      settleScript.run(connection, scriptKeys, args),
    );
  }

  #report(result: Result): void {
    const { events } = this.#context;
    const { entry } = result;
    const base = { activityId: this.activityId, orderNo: entry.orderNo, streamId: entry.id };
    if (result.outcome === 'retry') {
      const message = result.error instanceof Error ? result.error.message : String(result.error);
      if (this.#lastErrors.size >= 10_000) this.#lastErrors.clear(); // entries other writers settled
      this.#lastErrors.set(entry.id, message);
      events.emit('writeFailed', { ...base, error: result.error });
      return;
    }
    this.#lastErrors.delete(entry.id);
    if (result.outcome === 'written')
      events.emit('written', { ...base, replayed: result.replayed });
    else if (result.outcome === 'rejected') {
      events.emit('overAdmitted', {
        ...base,
        lines: entry.lines ?? [],
        message: result.message,
      });
    } else {
      events.emit('deadLettered', { ...base, deliveries: entry.deliveries, reason: result.reason });
    }
  }

  /** Waits `ms`, or less when `stop` is called. */
  async #pause(ms: number): Promise<void> {
    await delay(ms, undefined, { signal: this.#abort.signal }).catch(() => undefined);
  }
}

/**
 * Whether a read failed because the activity has no hand-off stream (or no consumer group
 * on it): never opened, purged, or expired after it finished. `UNBLOCKED` is a blocking
 * read cut short because the stream was deleted meanwhile.
 */
function isStreamGone(error: unknown): boolean {
  return error instanceof Error && /^(NOGROUP|UNBLOCKED) /.test(error.message);
}

/** Runs `work` on every item, at most `limit` at a time. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++] as T);
  });
  await Promise.all(lanes);
}
