import type { LockProvider } from '../locks/LockProvider.js';

/** Options of the distributed-lock strategy. */
export interface DistributedLockOptions {
  /**
   * Where locks live. Use `RedisLockProvider` from `@mallkit/stock/redis` when
   * several processes deduct.
   * @default new MemoryLockProvider()
   */
  provider?: LockProvider;
  /**
   * How long a lock is held at most, in ms. The fencing token keeps a holder
   * that outlives it from writing over a newer one.
   * @default 5000
   */
  ttlMs?: number;
  /**
   * How long an order waits for its SKUs' locks before `LOCK_TIMEOUT`, in ms.
   * @default 2000
   */
  waitMs?: number;
  /**
   * Prefix of the lock keys; the SKU is appended inside a hash tag.
   * @default 'mallkit:stock:lock:'
   */
  keyPrefix?: string;
}
