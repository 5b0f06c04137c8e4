import type { Entry } from '../entry/Entry.js';
import { newestEntry } from '../entry/newestEntry.js';
import type { CacheCounters } from '../tiers/CacheCounters.js';
import type { Tiers } from '../tiers/Tiers.js';
import type { Loader } from './Loader.js';
import { LockedOut, withStampedeLock } from './withStampedeLock.js';

/**
 * The read of one key past L1 (`Cache.get`): L2 if fresh, else `loader` under the
 * stampede lock, filling both tiers. A stale value within `staleWhileRevalidateMs`
 * answers at once while `refresh` reloads it in the background; one within `graceMs`
 * answers when the loader fails (or when there is no loader).
 *
 * @param held - what L1 holds for `key`, if anything (not fresh)
 * @param refresh - starts a background reload of `key` with `load`
 */
export async function loadOne<T>(
  tiers: Tiers<T>,
  key: string,
  loader: Loader<T> | undefined,
  held: Entry<T> | undefined,
  refresh: (key: string, load: () => Promise<T | undefined | null>) => void,
): Promise<T | undefined> {
  const s = tiers.settings;
  const [read] = await tiers.readL2([key]);
  const fromL2 = read?.entry;
  const now = tiers.clock.now();
  if (read !== undefined && read.entry.freshUntil > now) {
    tiers.fillL1(key, read.entry, now, read.bytes);
    return tiers.answer(key, read.entry, 'l2');
  }
  const stale = newestEntry(fromL2, held, now);
  if (!loader) {
    tiers.miss(key);
    return stale ? tiers.serveStale(key, stale, 'grace') : undefined;
  }
  if (stale && now < stale.freshUntil + s.staleWhileRevalidateMs) {
    refresh(key, () => runLoader(tiers.count, key, loader));
    return tiers.serveStale(key, stale, 'revalidate');
  }
  tiers.miss(key);
  let value: T | undefined | null | LockedOut<T>;
  try {
    value = await withStampedeLock(tiers, key, () => runLoader(tiers.count, key, loader));
  } catch (error) {
    tiers.dirty.delete(key); // nothing was stored: an invalidation meanwhile is moot
    if (stale && now < stale.freshUntil + s.graceMs) return tiers.serveStale(key, stale, 'grace');
    throw error;
  }
  if (value instanceof LockedOut) return value.value;
  await tiers.store([[key, value]], undefined, false);
  return s.isNotFound(value) ? undefined : (value as T);
}

/** Calls `loader` for `key`, counting the call and its failure. */
async function runLoader<T>(
  count: CacheCounters,
  key: string,
  loader: Loader<T>,
): Promise<T | undefined | null> {
  count.loads++;
  try {
    return await loader(key);
  } catch (error) {
    count.loadErrors++;
    throw error;
  }
}
