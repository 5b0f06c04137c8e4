import type { Lease, LeaseProvider } from './LeaseProvider.js';

/**
 * Leases in a Map, for one process and tests; `now` lets tests move time by hand.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { MemoryLeaseProvider, SyncScheduler } from '@mallkit/sync';
 *
 * // two scheduler "nodes" in one process (a test), sharing one provider and a hand-moved clock
 * let now = Date.parse('2025-11-11T03:00:00Z');
 * const leases = new MemoryLeaseProvider(() => now);
 * let runs = 0;
 * const node = () =>
 *   new SyncScheduler({
 *     name: 'reindex', everyMs: 3_600_000, leases, now: () => now,
 *     job: async () => { runs += 1; },
 *   });
 * const [a, b] = [node(), node()];
 * await Promise.all([a.check(), b.check()]);
 * assert.equal(runs, 1); // one lease per period: only one node ran the job
 * now += 3_600_000; // the next hour
 * await Promise.all([a.check(), b.check()]);
 * assert.equal(runs, 2);
 * ```
 *
 * @group Leases
 */
export class MemoryLeaseProvider implements LeaseProvider {
  readonly #held = new Map<string, { owner: number; until: number }>();
  readonly #now: () => number;
  #owners = 0;

  /** @param now clock in ms. */
  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Takes `name` for `ttlMs` if nobody holds it. */
  async tryAcquire(name: string, ttlMs: number): Promise<Lease | null> {
    const held = this.#held.get(name);
    if (held && held.until > this.#now()) return null;
    const owner = ++this.#owners;
    this.#held.set(name, { owner, until: this.#now() + ttlMs });
    return {
      renew: async (ms) => {
        const current = this.#held.get(name);
        if (current?.owner !== owner || current.until <= this.#now()) return false;
        current.until = this.#now() + ms;
        return true;
      },
      release: async () => {
        if (this.#held.get(name)?.owner === owner) this.#held.delete(name);
      },
    };
  }
}
