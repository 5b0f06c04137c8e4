import { randomUUID } from 'node:crypto';
import type { BusMessage } from './BusMessage.js';
import type { BusSubscription, CacheBus } from './CacheBus.js';

/** What a {@link Broadcaster} does with what other nodes say. */
export interface BroadcastHandlers {
  /** Other nodes invalidated `keys`. */
  invalidate(keys: readonly string[]): void;
  /** Drop the whole L1: another node cleared it, or messages were lost. */
  clear(reason: 'remote' | 'gap' | 'reset'): void;
  /** Other nodes found `keys` hot. */
  hot(keys: readonly string[], ttlMs: number): void;
  /** Publishing failed. */
  error(error: unknown): void;
}

/** Settings of the broadcast of one cache; see `CacheOptions.broadcast`. */
export interface BroadcastSettings {
  maxKeysPerMessage: number;
  heartbeatMs: number;
}

/**
 * One cache instance's side of the bus: batches the keys it invalidates into few
 * messages (all invalidations of one event-loop turn go together), numbers what it
 * sends, and watches the numbers of every other sender — a jump, or a heartbeat
 * announcing a number never received, means a lost message, and the L1 is dropped
 * because a lost invalidation must not leave stale data behind.
 */
export class Broadcaster {
  /** This instance's id on the bus. */
  readonly origin = randomUUID();
  readonly #bus: CacheBus;
  readonly #namespace: string;
  readonly #settings: BroadcastSettings;
  readonly #handlers: BroadcastHandlers;
  readonly #lastSeen = new Map<string, number>();
  #seq = 0;
  readonly #since = Date.now();
  #subscribedAt = Number.POSITIVE_INFINITY;
  #pending = new Set<string>();
  #flush: Promise<void> | undefined;
  #subscription: BusSubscription | undefined;
  #heartbeat: NodeJS.Timeout | undefined;
  /** Counters for stats. */
  readonly counts = { sent: 0, received: 0, gaps: 0, resets: 0 };

  constructor(
    bus: CacheBus,
    namespace: string,
    settings: BroadcastSettings,
    handlers: BroadcastHandlers,
  ) {
    this.#bus = bus;
    this.#namespace = namespace;
    this.#settings = settings;
    this.#handlers = handlers;
  }

  /** Subscribes and starts the heartbeat. */
  async start(): Promise<void> {
    const subscribing = Date.now();
    this.#subscription = await this.#bus.subscribe(
      (message) => this.#receive(message),
      () => {
        this.counts.resets++;
        this.#lastSeen.clear();
        this.#subscribedAt = Date.now(); // numbering is known only from here on
        this.#handlers.clear('reset');
      },
    );
    this.#subscribedAt = subscribing;
    if (this.#settings.heartbeatMs > 0) {
      this.#heartbeat = setInterval(() => {
        this.#send('heartbeat', [], false).catch((error: unknown) => this.#handlers.error(error));
      }, this.#settings.heartbeatMs);
      this.#heartbeat.unref();
    }
  }

  /** Tells other nodes to drop `keys`; resolves once the message is published. */
  invalidate(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.#pending.add(key);
    this.#flush ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
      this.#sendPending(),
    );
    return this.#flush;
  }

  /** Tells other nodes to drop their whole L1 for the namespace. */
  clear(): Promise<void> {
    return this.#send('clear', [], true);
  }

  /** Tells other nodes that `keys` are hot. */
  hot(keys: readonly string[], ttlMs: number): Promise<void> {
    return this.#send('hot', [...keys], true, ttlMs);
  }

  /** Unsubscribes and stops the heartbeat. */
  async close(): Promise<void> {
    clearInterval(this.#heartbeat);
    await this.#flush;
    await this.#subscription?.();
  }

  async #sendPending(): Promise<void> {
    const keys = [...this.#pending];
    this.#pending = new Set();
    this.#flush = undefined;
    const size = this.#settings.maxKeysPerMessage;
    const sends: Array<Promise<void>> = [];
    for (let i = 0; i < keys.length; i += size)
      sends.push(this.#send('invalidate', keys.slice(i, i + size), true));
    await Promise.all(sends);
  }

  #send(type: BusMessage['type'], keys: string[], counted: boolean, ttlMs?: number): Promise<void> {
    if (counted) this.#seq++;
    const message: BusMessage = {
      type,
      namespace: this.#namespace,
      keys,
      origin: this.origin,
      seq: this.#seq,
      since: this.#since,
    };
    if (ttlMs !== undefined) message.ttlMs = ttlMs;
    this.counts.sent++;
    return this.#bus.publish(message);
  }

  #receive(message: BusMessage): void {
    if (message.namespace !== this.#namespace || message.origin === this.origin) return;
    this.counts.received++;
    const expected = message.type === 'heartbeat' ? message.seq : message.seq - 1;
    // A sender first heard of now, that started numbering after this node subscribed,
    // should have been heard from seq 1 on.
    const heardFromStart = message.since !== undefined && message.since >= this.#subscribedAt;
    const last = this.#lastSeen.get(message.origin) ?? (heardFromStart ? 0 : undefined);
    if (last !== undefined && expected > last) {
      this.counts.gaps++;
      this.#handlers.clear('gap');
    }
    if (!this.#lastSeen.has(message.origin) && this.#lastSeen.size >= 10_000) {
      const oldest = this.#lastSeen.keys().next().value;
      if (oldest !== undefined) this.#lastSeen.delete(oldest);
    }
    this.#lastSeen.set(message.origin, Math.max(last ?? 0, message.seq));
    switch (message.type) {
      case 'invalidate':
        this.#handlers.invalidate(message.keys);
        break;
      case 'clear':
        this.#handlers.clear('remote');
        break;
      case 'hot':
        this.#handlers.hot(message.keys, message.ttlMs ?? Number.POSITIVE_INFINITY);
        break;
      default:
        break;
    }
  }
}
