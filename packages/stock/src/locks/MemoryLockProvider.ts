import type { LockLease, LockProvider } from './LockProvider.js';

interface Held {
  owner: number;
  expiresAt: number;
}

/**
 * In-process locks with fencing tokens, for the embedded mode and tests: the
 * same contract as the Redis provider, including expiry.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { MemoryLockProvider } from '@mallkit/stock';
 *
 * let now = 0; // a clock the example moves by hand; Date.now by default
 * const locks = new MemoryLockProvider(() => now);
 * const first = await locks.tryAcquire('sku:tv-55', 1_000);
 * assert.equal(first?.token, 1);
 * assert.equal(await locks.tryAcquire('sku:tv-55', 1_000), null); // held
 *
 * now += 1_000; // the first lease ran out: the key can be taken again
 * const second = await locks.tryAcquire('sku:tv-55', 1_000);
 * assert.equal(second?.token, 2); // higher: a write of the stale holder can be refused
 * await first?.release(); // too late, it frees nothing
 * assert.equal(await locks.tryAcquire('sku:tv-55', 1_000), null);
 * await second?.release();
 * assert.equal((await locks.tryAcquire('sku:tv-55', 1_000))?.token, 3);
 * ```
 *
 * @group Locks
 */
export class MemoryLockProvider implements LockProvider {
  readonly #held = new Map<string, Held>();
  readonly #fences = new Map<string, number>();
  readonly #now: () => number;
  #owners = 0;

  /** @param now clock in ms, for tests that move time by hand. */
  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  async tryAcquire(key: string, ttlMs: number): Promise<LockLease | null> {
    const now = this.#now();
    const held = this.#held.get(key);
    if (held && held.expiresAt > now) return null;
    const owner = ++this.#owners;
    this.#held.set(key, { owner, expiresAt: now + ttlMs });
    const token = (this.#fences.get(key) ?? 0) + 1;
    this.#fences.set(key, token);
    return {
      token,
      release: async () => {
        if (this.#held.get(key)?.owner === owner) this.#held.delete(key);
      },
    };
  }
}
