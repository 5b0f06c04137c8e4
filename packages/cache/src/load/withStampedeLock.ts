import type { Tiers } from '../tiers/Tiers.js';

/** A value another node loaded while this one waited on the stampede lock. */
export class LockedOut<T> {
  /** @param value - what the other node stored (`undefined` for "not found") */
  constructor(readonly value: T | undefined) {}
}

/**
 * Cross-node stampede protection around `load`: the node that takes the key's short
 * lock in L2 loads; the others poll L2 for its result for up to `waitMs`, then load
 * themselves. With the lock off or no L2, just `load()`. If Redis cannot be asked,
 * the node loads rather than waits on a lock nobody can see.
 */
export async function withStampedeLock<T>(
  tiers: Tiers<T>,
  key: string,
  load: () => Promise<T | undefined | null>,
): Promise<T | undefined | null | LockedOut<T>> {
  const lock = tiers.settings.stampedeLock;
  const l2 = tiers.l2;
  if (!lock || !l2) return load();
  const lockKey = `${tiers.fullKey(key)}:lock`;
  const held = await tiers.policy
    .execute(() => l2.tryLock(lockKey, lock.ttlMs), { idempotent: false })
    .catch((error: unknown) => {
      tiers.l2Error('lock', error);
      return true;
    });
  if (held) {
    try {
      return await load();
    } finally {
      await tiers.policy
        .execute(() => l2.unlock(lockKey))
        .catch((error: unknown) => tiers.l2Error('lock', error));
    }
  }
  // Real time, not the cache clock: this waits for another node's load.
  const deadline = performance.now() + lock.waitMs;
  const step = Math.max(5, lock.waitMs / 10);
  while (performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, step));
    const [read] = await tiers.readL2([key]);
    const now = tiers.clock.now();
    if (read !== undefined && read.entry.freshUntil > now) {
      const { entry, bytes } = read;
      tiers.fillL1(key, entry, now, bytes);
      return new LockedOut(entry.kind === 'value' ? entry.value : undefined);
    }
  }
  return load();
}
