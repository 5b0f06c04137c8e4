import { sql } from 'kysely';
import { StockError } from '../errors/StockError.js';
import type { LockLease } from '../locks/LockProvider.js';
import { MemoryLockProvider } from '../locks/MemoryLockProvider.js';
import type { DeductionStrategy } from './DeductionStrategy.js';
import type { DistributedLockOptions } from './DistributedLockOptions.js';
import { RetrySignal } from './RetrySignal.js';
import type { RowTaker } from './RowTaker.js';
import { takeUpdate } from './takeUpdate.js';

/**
 * Strategy 3: hold a lock per SKU (taken in SKU order, so two orders never
 * wait on each other in a cycle) and write with its fencing token. The
 * conditional update stays as the final guard: a lock alone is not safe, since
 * a paused holder may wake after its lease expired (Kleppmann). A row already
 * written under a newer token refuses the stale write and the order runs again.
 */
export function distributedLock(options: DistributedLockOptions = {}): DeductionStrategy {
  const provider = options.provider ?? new MemoryLockProvider();
  const ttlMs = options.ttlMs ?? 5000;
  const waitMs = options.waitMs ?? 2000;
  const prefix = options.keyPrefix ?? 'mallkit:stock:lock:';

  async function acquire(sku: string, deadline: number): Promise<LockLease> {
    for (let pauseMs = 1; ; pauseMs = Math.min(pauseMs * 2, 50)) {
      const lease = await provider.tryAcquire(`${prefix}{${sku}}`, ttlMs);
      if (lease) return lease;
      if (Date.now() >= deadline) {
        throw new StockError(
          'LOCK_TIMEOUT',
          `lock of SKU "${sku}" not acquired within ${waitMs} ms`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * pauseMs));
    }
  }

  return {
    name: 'lock',
    async run(skus, attempt) {
      for (let round = 0; ; round++) {
        const tokens = new Map<string, number>();
        const leases: LockLease[] = [];
        const deadline = Date.now() + waitMs;
        try {
          for (const sku of [...new Set(skus)].sort()) {
            const lease = await acquire(sku, deadline);
            leases.push(lease);
            tokens.set(sku, lease.token);
          }
          const taker: RowTaker = {
            async take(trx, row, quantity, pool) {
              const token = tokens.get(row.sku) ?? 0;
              const result = await takeUpdate(trx, row, quantity, pool)
                .set({ fence: token })
                .where('fence', '<=', token)
                .executeTakeFirst();
              if (result.numUpdatedRows > 0n) return true;
              const stale = await trx
                .selectFrom('stock_level')
                .select(sql<number>`1`.as('stale'))
                .where('sku', '=', row.sku)
                .where('warehouse', '=', row.warehouse)
                .where('shard', '=', row.shard)
                .where('fence', '>', token)
                .executeTakeFirst();
              if (stale) throw new RetrySignal('fence');
              return false;
            },
          };
          return await attempt(taker);
        } catch (error) {
          if (!(error instanceof RetrySignal) || round >= 2) {
            if (error instanceof RetrySignal) {
              throw new StockError(
                'LOCK_TIMEOUT',
                'lock lease expired before the write; try again',
              );
            }
            throw error;
          }
        } finally {
          for (const lease of leases.reverse()) await lease.release().catch(() => undefined);
        }
      }
    },
  };
}
