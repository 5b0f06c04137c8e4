import type { FlashSaleRedis } from './FlashSaleRedis.js';

/** Options of a {@link FlashSaleWriter}. */
export interface FlashSaleWriterOptions {
  /**
   * The client the writer reads the hand-off stream with. Its reads block the connection
   * for up to `blockMs`, so it must not be the one buyers go through. When given, it is
   * yours (never closed; `stop` may then wait up to `blockMs`).
   * @default a `duplicate()` of the sale's client, made by `start` and closed by `stop`
   */
  redis?: FlashSaleRedis;
  /**
   * This writer's name in the consumer group. Give each running writer its own; a writer
   * restarted under the same name takes back its pending entries after `claimIdleMs`.
   * @default 'writer-' followed by a random UUID
   */
  consumer?: string;
  /**
   * Most entries read (or claimed) and written per batch.
   * @default 100
   */
  batchSize?: number;
  /**
   * How long one read waits for new entries, in ms (`XREADGROUP … BLOCK`).
   * @default 1000
   */
  blockMs?: number;
  /**
   * An entry delivered to a consumer and not settled for this long, in ms, is taken over
   * (`XAUTOCLAIM`): the consumer died, or its write failed. The writer looks for such
   * entries every `claimIdleMs / 2` (at least every 50 ms).
   * @default 30_000
   */
  claimIdleMs?: number;
  /**
   * Deliveries of one entry (the first read and every takeover) before the writer gives
   * up and moves it to the activity's dead-letter stream with the reason. Entries the
   * database refuses for good (unknown SKU, order conflict…) go there at once; an order
   * it refuses for want of stock is `overAdmitted`, not dead-lettered.
   * @default 10
   */
  maxDeliveries?: number;
  /**
   * Orders of one batch written to the database at the same time.
   * @default 4
   */
  concurrency?: number;
  /**
   * Pause after a failed step (Redis or the database unavailable) before the next, in ms.
   * @default 500
   */
  retryDelayMs?: number;
}
