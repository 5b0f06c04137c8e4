import { type Clock, systemClock } from '../clock/Clock.js';
import { EventHub } from '../observability/EventHub.js';
import { requireNumber } from '../options/requireNumber.js';
import type { AdaptiveConcurrencyLimit } from './AdaptiveConcurrencyLimit.js';
import type { AimdLimitOptions } from './AimdLimitOptions.js';
import type { ConcurrencyLimitEvents } from './ConcurrencyLimitEvents.js';
import { requireLimitBounds } from './requireLimitBounds.js';

/**
 * Additive-increase / multiplicative-decrease concurrency limit, the way TCP sizes its
 * congestion window: every successful request of a busy service (at least half the
 * limit in flight) adds `1 / limit`, so the limit grows by about one per round trip;
 * a drop (timeout, overload refusal, or a request slower than `timeoutMs`) multiplies
 * it by `backoffRatio`, once per round trip. Emits `shedder.limit` when the whole-number
 * limit moves.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { AimdLimit, LoadShedder } from '@mallkit/resilience';
 *
 * const limit = new AimdLimit({ name: 'doc:AimdLimit', initialLimit: 50, minLimit: 10, maxLimit: 400 });
 * const moves: string[] = [];
 * limit.events.on('shedder.limit', (e) => moves.push(`${e.previous} -> ${e.limit}`));
 * const shedder = new LoadShedder({ name: 'doc:AimdLimit', limit });
 *
 * const permit = shedder.acquire('core');
 * permit.release('dropped'); // the request timed out: back off by 10 %
 * assert.equal(limit.limit, 45);
 * assert.deepEqual(moves, ['50 -> 45']);
 * assert.equal(shedder.stats().limit, 45);
 * ```
 *
 * @group Load shedding
 */
export class AimdLimit implements AdaptiveConcurrencyLimit {
  /** Name in events. */
  readonly name: string;
  /** Typed events; see {@link ConcurrencyLimitEvents}. */
  readonly events = new EventHub<ConcurrencyLimitEvents>();
  readonly #minLimit: number;
  readonly #maxLimit: number;
  readonly #backoffRatio: number;
  readonly #timeoutMs: number;
  readonly #clock: Clock;
  #estimate: number;
  #limit: number;
  #lastDecreaseAt = Number.NEGATIVE_INFINITY;

  /** @param options - see {@link AimdLimitOptions} */
  constructor(options: AimdLimitOptions = {}) {
    this.name = options.name ?? 'aimd';
    const bounds = requireLimitBounds('aimdLimit', options, {
      initialLimit: 20,
      minLimit: 1,
      maxLimit: 1000,
    });
    this.#minLimit = bounds.minLimit;
    this.#maxLimit = bounds.maxLimit;
    this.#backoffRatio = requireNumber('aimdLimit.backoffRatio', options.backoffRatio ?? 0.9, {
      above: 0,
      max: 0.999,
    });
    this.#timeoutMs = requireNumber('aimdLimit.timeoutMs', options.timeoutMs ?? 5000, {
      above: 0,
    });
    this.#clock = options.clock ?? systemClock;
    this.#estimate = bounds.initialLimit;
    this.#limit = bounds.initialLimit;
  }

  /** The current limit. */
  get limit(): number {
    return this.#limit;
  }

  onSample(rttMs: number, inflight: number, dropped: boolean): void {
    if (dropped || rttMs > this.#timeoutMs) {
      const now = this.#clock.now();
      // One decrease per round trip: requests admitted before the last decrease saw the
      // old limit, and their drops say nothing about the new one.
      if (now - rttMs <= this.#lastDecreaseAt) return;
      this.#lastDecreaseAt = now;
      this.#estimate = Math.max(this.#minLimit, this.#estimate * this.#backoffRatio);
    } else if (inflight * 2 >= this.#estimate) {
      this.#estimate = Math.min(this.#maxLimit, this.#estimate + 1 / this.#estimate);
    } else {
      return; // the service is not busy: a success says nothing about the limit
    }
    const limit = Math.floor(this.#estimate + 1e-9); // 57.99999… is 58
    if (limit === this.#limit) return;
    const previous = this.#limit;
    this.#limit = limit;
    if (this.events.wants('shedder.limit')) {
      this.events.emit('shedder.limit', { name: this.name, algorithm: 'aimd', limit, previous });
    }
  }
}
