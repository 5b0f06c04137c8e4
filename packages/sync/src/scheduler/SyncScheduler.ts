import { EventHub } from '@mallkit/resilience';
import { SyncError } from '../errors/SyncError.js';
import type { LeaseProvider } from '../lease/LeaseProvider.js';
import { MemoryLeaseProvider } from '../lease/MemoryLeaseProvider.js';
import { integerOption } from '../transport/integerOption.js';
import { jitteredBackoff } from './jitteredBackoff.js';
import type { SyncSchedulerEvents } from './SyncSchedulerEvents.js';
import type { SyncSchedulerOptions } from './SyncSchedulerOptions.js';

/**
 * Runs a job once per period on one of several nodes. Each node checks every
 * `checkEveryMs` whether the current period's lease is free; the node that
 * takes it runs the job, renewing the lease as it goes, and on success keeps
 * the lease until the period ends so no other node runs it again. A job that
 * fails, or whose node dies, frees the period for another try. After a failure
 * this node backs off: it runs the job again no sooner than `retryDelayMs`, doubled
 * per failure in a row up to `maxRetryDelayMs` and jittered (the `failed` event tells
 * when); a success ends the backoff. Timers do not keep the process alive.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { SyncScheduler } from '@mallkit/sync';
 *
 * let runs = 0;
 * const nightly = new SyncScheduler({
 *   name: 'wms-full', // with several nodes: give them a RedisLeaseProvider as `leases`
 *   everyMs: 24 * 3_600_000,
 *   job: async () => { runs += 1; }, // e.g. () => warehouseSync.fullSync()
 * });
 * const finished = new Promise((resolve) => nightly.events.on('finished', resolve));
 * nightly.start(); // checks now, then every checkEveryMs; its timers do not keep the process alive
 * await finished;
 * await nightly.check(); // today's period is done: no second run
 * assert.equal(runs, 1);
 * await nightly.stop();
 * ```
 *
 * @group Scheduler
 */
export class SyncScheduler {
  /** Typed events. */
  readonly events = new EventHub<SyncSchedulerEvents>('mallkit:sync:scheduler');
  readonly #options: Required<Omit<SyncSchedulerOptions, 'leases' | 'now'>>;
  readonly #leases: LeaseProvider;
  readonly #now: () => number;
  #timer: ReturnType<typeof setInterval> | undefined;
  #running: Promise<void> | undefined;
  #abort: AbortController | undefined;
  /** Failures in a row on this node, and the time (by `now`) before which it does not try again. */
  #failures = 0;
  #retryAt = Number.NEGATIVE_INFINITY;

  constructor(options: SyncSchedulerOptions) {
    if (!Number.isFinite(options.everyMs) || options.everyMs <= 0) {
      throw new SyncError(
        'INVALID_OPTION',
        `everyMs must be a positive number; got ${options.everyMs}`,
      );
    }
    this.#options = {
      name: options.name,
      job: options.job,
      everyMs: options.everyMs,
      leaseMs: options.leaseMs ?? 30_000,
      checkEveryMs: options.checkEveryMs ?? Math.min(options.everyMs, 5000),
      retryDelayMs: integerOption('SyncScheduler', 'retryDelayMs', options.retryDelayMs, 5000, 0),
      maxRetryDelayMs: integerOption(
        'SyncScheduler',
        'maxRetryDelayMs',
        options.maxRetryDelayMs,
        300_000,
        0,
      ),
    };
    this.#leases = options.leases ?? new MemoryLeaseProvider(options.now);
    this.#now = options.now ?? Date.now;
  }

  /** Starts checking, at once and then every `checkEveryMs`. */
  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => void this.check(), this.#options.checkEveryMs);
    this.#timer.unref();
    void this.check();
  }

  /** Stops checking; a running job is aborted and awaited. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#abort?.abort(new SyncError('STOPPED', 'scheduler stopped'));
    await this.#running;
  }

  /**
   * One check: runs the job if this period is not done, this node is not backing off
   * after a failure, and it gets the period's lease.
   */
  check(): Promise<void> {
    if (!this.#running) {
      this.#running = this.#tick().finally(() => {
        this.#running = undefined;
      });
    }
    return this.#running;
  }

  async #tick(): Promise<void> {
    const { name, everyMs, leaseMs, job } = this.#options;
    const now = this.#now();
    if (now < this.#retryAt) return;
    const period = now - (now % everyMs);
    let lease: Awaited<ReturnType<LeaseProvider['tryAcquire']>>;
    try {
      lease = await this.#leases.tryAcquire(`${name}:${period}`, leaseMs);
    } catch (error) {
      this.#failed(period, error);
      return;
    }
    if (!lease) return;
    const abort = new AbortController();
    this.#abort = abort;
    const renew = setInterval(() => {
      lease
        .renew(leaseMs)
        .then((held) => {
          if (!held) abort.abort(new SyncError('LEASE_LOST', `lease of "${name}" was lost`));
        })
        .catch((error: unknown) => abort.abort(error));
    }, leaseMs / 3);
    renew.unref();
    this.events.emit('started', { name, period });
    const started = this.#now();
    try {
      await job(abort.signal);
      if (abort.signal.aborted) throw abort.signal.reason;
      // Keep the period claimed until it ends, so no other node runs it again.
      await lease.renew(Math.max(1, period + everyMs - this.#now()));
      this.#failures = 0;
      this.#retryAt = Number.NEGATIVE_INFINITY;
      this.events.emit('finished', { name, period, durationMs: this.#now() - started });
    } catch (error) {
      await lease.release().catch(() => undefined);
      this.#failed(period, error);
    } finally {
      clearInterval(renew);
      this.#abort = undefined;
    }
  }

  /** Counts a failure in a row, sets when this node may try again and reports it. */
  #failed(period: number, error: unknown): void {
    const { name, retryDelayMs, maxRetryDelayMs } = this.#options;
    this.#failures += 1;
    const retryInMs = jitteredBackoff(this.#failures, retryDelayMs, maxRetryDelayMs);
    this.#retryAt = this.#now() + retryInMs;
    this.events.emit('failed', { name, period, error, attempt: this.#failures, retryInMs });
  }
}
