import type { Lease, LeaseProvider } from './LeaseProvider.js';

/** Leases in a Map, for one process and tests; `now` lets tests move time by hand. */
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
