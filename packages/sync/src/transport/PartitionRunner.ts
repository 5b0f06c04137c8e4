import type { EventHub } from '@mallkit/resilience';
import type { DeadLetter } from './DeadLetter.js';
import type { DeliveryOutcome } from './DeliveryOutcome.js';
import type { DeliveryHandler } from './MessageTransport.js';
import type { LogEntry, PartitionLog } from './PartitionLog.js';
import type { PartitionStats } from './PartitionStats.js';
import { retryDelay } from './retryDelay.js';
import type { Delivery } from './StreamMessage.js';
import type { TransportEvents, TransportStage } from './TransportEvents.js';

/** Delivery settings of a {@link PartitionRunner}, resolved. @internal */
export interface RunnerSettings {
  batchSize: number;
  maxDeliveries: number;
  retryDelayMs: number;
  maxRetryDelayMs: number;
  /** How often to look for entries other members left pending, in ms. */
  recoverIntervalMs: number;
  /** How long to wait while such entries cannot be taken yet, in ms. */
  recoverPollMs: number;
  /** How often to trim acknowledged entries, in ms; 0 never. */
  trimIntervalMs: number;
}

/** Who runs a {@link PartitionRunner}, for what. @internal */
export interface RunnerContext {
  topic: string;
  group: string;
  consumer: string;
  partition: number;
  handler: DeliveryHandler;
  settings: RunnerSettings;
  events: EventHub<TransportEvents>;
  stats: PartitionStats;
  /** Whether this member may still handle the partition (it holds its lease). */
  mayHandle: () => boolean;
  /** Called once when the runner stops on its own because `mayHandle` turned false. */
  onLost: () => void;
}

/**
 * Consumes one partition for one member of a group, in order: first the entries other
 * members left pending (once they can be taken), then this member's own pending entries
 * one at a time (each is a redelivery, so a poison message is found alone), then new
 * entries in batches. The next batch is read only after the previous one was
 * acknowledged. An entry that cannot be decoded, that the handler names in its outcome,
 * or that reaches `maxDeliveries` goes to the dead-letter stream.
 * @internal
 */
export class PartitionRunner {
  readonly #log: PartitionLog;
  readonly #c: RunnerContext;
  readonly #lastErrors = new Map<string, string>();
  #stopping = false;
  #done: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  #recovered = false;
  #lastRecover = 0;
  #ownPending = true;
  #prepared = false;
  #failures = 0;
  #ackedSinceTrim = false;
  #lastTrim = Date.now();

  /**
   * @param log - the partition's storage
   * @param context - who consumes it, for what
   */
  constructor(log: PartitionLog, context: RunnerContext) {
    this.#log = log;
    this.#c = context;
  }

  /** The partition. */
  get partition(): number {
    return this.#c.partition;
  }

  /** Starts the loop. */
  start(): void {
    this.#done ??= this.#loop();
  }

  /** Stops reading, waits for the batch in flight; unacknowledged entries stay pending. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#wake?.();
    this.#log.close();
    await this.#done;
  }

  async #loop(): Promise<void> {
    while (!this.#stopping) {
      let stage: TransportStage = 'read';
      try {
        if (!this.#prepared) {
          await this.#log.prepare();
          this.#prepared = true;
        }
        const s = this.#c.settings;
        if (!this.#recovered || Date.now() - this.#lastRecover >= s.recoverIntervalMs) {
          stage = 'claim';
          const { claimed, done } = await this.#log.recover();
          this.#lastRecover = Date.now();
          if (claimed > 0) {
            this.#ownPending = true;
            this.#c.events.emit('claimed', { ...this.#where(), messages: claimed });
          }
          this.#recovered = done;
          if (!done) {
            await this.#sleep(s.recoverPollMs);
            continue;
          }
        }
        stage = 'read';
        let entries: LogEntry[];
        let redelivery = false;
        if (this.#ownPending) {
          const entry = await this.#log.nextPending();
          if (!entry) {
            this.#ownPending = false;
            continue;
          }
          entries = [entry];
          redelivery = true;
        } else {
          entries = await this.#log.readNew(s.batchSize);
        }
        this.#failures = 0;
        if (entries.length === 0 || this.#stopping) continue;
        if (!this.#c.mayHandle()) {
          // The lease is gone: the new owner takes these over once they are idle.
          this.#stopping = true;
          this.#c.onLost();
          break;
        }
        stage = 'ack';
        await this.#handle(entries, redelivery);
        if (this.#ackedSinceTrim && s.trimIntervalMs > 0) {
          if (Date.now() - this.#lastTrim >= s.trimIntervalMs) {
            stage = 'trim';
            this.#lastTrim = Date.now();
            this.#ackedSinceTrim = false;
            await this.#log.trim();
          }
        }
      } catch (error) {
        if (this.#stopping) break;
        this.#fail(stage, error);
        this.#prepared = false; // the group may be gone (a restarted Redis without persistence)
        this.#ownPending = true;
        this.#failures += 1;
        const s = this.#c.settings;
        await this.#sleep(retryDelay(this.#failures, s.retryDelayMs, s.maxRetryDelayMs));
      }
    }
  }

  async #handle(entries: LogEntry[], redelivery: boolean): Promise<void> {
    const s = this.#c.settings;
    const deliverable: Array<{ entry: LogEntry; delivery: Delivery }> = [];
    for (const entry of entries) {
      if (entry.message === undefined) {
        await this.#deadLetter(entry, entry.problem ?? 'malformed entry');
      } else if (entry.deliveries > s.maxDeliveries) {
        const last = this.#lastErrors.get(entry.entryId);
        const reason = `not acknowledged after ${entry.deliveries - 1} deliveries${last ? `: ${last}` : ''}`;
        await this.#deadLetter(entry, reason);
      } else {
        const delivery: Delivery = {
          ...entry.message,
          topic: this.#c.topic,
          deliveries: entry.deliveries,
          partition: this.#c.partition,
          publishedAt: entry.publishedAt,
        };
        deliverable.push({ entry, delivery });
      }
    }
    if (deliverable.length === 0) return;
    this.#c.events.emit('delivered', {
      ...this.#where(),
      messages: deliverable.length,
      redelivery,
    });
    let outcome: DeliveryOutcome | undefined;
    try {
      outcome = (await this.#c.handler(deliverable.map((d) => d.delivery))) ?? undefined;
    } catch (error) {
      this.#fail('handler', error);
      this.#ownPending = true;
      const message = error instanceof Error ? error.message : String(error);
      const first = deliverable[0];
      if (deliverable.length === 1 && first && first.entry.deliveries >= s.maxDeliveries) {
        await this.#deadLetter(
          first.entry,
          `handler failed ${first.entry.deliveries} times: ${message}`,
        );
        return;
      }
      for (const d of deliverable) this.#lastErrors.set(d.entry.entryId, message);
      const worst = Math.max(...deliverable.map((d) => d.entry.deliveries));
      await this.#sleep(retryDelay(worst, s.retryDelayMs, s.maxRetryDelayMs));
      return;
    }
    const rejected = new Map<Delivery, string>();
    for (const request of outcome?.deadLetters ?? [])
      rejected.set(request.delivery, request.reason);
    const acked: string[] = [];
    for (const d of deliverable) {
      const reason = rejected.get(d.delivery);
      if (reason === undefined) acked.push(d.entry.entryId);
      else await this.#deadLetter(d.entry, reason);
    }
    if (acked.length > 0) {
      await this.#log.ack(acked);
      const lastEntryId = acked[acked.length - 1] as string;
      for (const id of acked) this.#lastErrors.delete(id);
      this.#c.stats.lastAckedId = lastEntryId;
      this.#c.stats.lastAckedAt = Date.now();
      this.#ackedSinceTrim = true;
      this.#c.events.emit('acked', { ...this.#where(), messages: acked.length, lastEntryId });
    }
  }

  async #deadLetter(entry: LogEntry, reason: string): Promise<void> {
    const letter: DeadLetter = {
      topic: this.#c.topic,
      group: this.#c.group,
      consumer: this.#c.consumer,
      partition: this.#c.partition,
      entryId: entry.entryId,
      key: entry.message?.key ?? '',
      id: entry.message?.id ?? '',
      body: entry.message?.body ?? entry.rawBody ?? '',
      reason,
      deliveries: entry.deliveries,
      at: Date.now(),
    };
    await this.#log.deadLetter(letter);
    this.#lastErrors.delete(entry.entryId);
    this.#c.stats.lastAckedId = entry.entryId;
    this.#c.stats.lastAckedAt = letter.at;
    this.#ackedSinceTrim = true;
    this.#c.events.emit('deadLettered', letter);
  }

  #fail(stage: TransportStage, error: unknown): void {
    this.#c.stats.errors += 1;
    this.#c.events.emit('error', { ...this.#where(), stage, error });
  }

  #where() {
    const { topic, group, consumer, partition } = this.#c;
    return { topic, group, consumer, partition };
  }

  #sleep(ms: number): Promise<void> {
    if (this.#stopping || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        if (this.#wake === done) this.#wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#wake = done;
    });
  }
}
