import type { Entry } from '../entry/Entry.js';
import { newestEntry } from '../entry/newestEntry.js';
import type { Tiers } from '../tiers/Tiers.js';
import type { BatchLoader } from './BatchLoader.js';

/**
 * The batch path of `Cache.getMany` past L1: ONE L2 read of `keys`, then ONE
 * `batchLoader` call for what is still missing, then both tiers filled. If there is
 * no loader, or it fails and every missing key has a stale value within `graceMs`,
 * the stale values answer; a failure otherwise rejects.
 *
 * @param heldStale - what L1 holds (not fresh) for some of `keys`
 * @returns the value of each key (`undefined`: not found)
 */
export async function loadMany<T>(
  tiers: Tiers<T>,
  keys: string[],
  batchLoader: BatchLoader<T> | undefined,
  heldStale: Map<string, Entry<T>>,
): Promise<Map<string, T | undefined>> {
  const s = tiers.settings;
  const out = new Map<string, T | undefined>();
  const fromL2 = await tiers.readL2(keys);
  const now = tiers.clock.now();
  const missing: string[] = [];
  const stale = new Map<string, Entry<T>>();
  keys.forEach((key, i) => {
    const read = fromL2[i];
    const entry = read?.entry;
    if (read !== undefined && read.entry.freshUntil > now) {
      tiers.fillL1(key, read.entry, now, read.bytes);
      out.set(key, tiers.answer(key, read.entry, 'l2'));
      return;
    }
    const old = newestEntry(entry, heldStale.get(key), now);
    if (old) stale.set(key, old);
    missing.push(key);
  });
  if (missing.length === 0) return out;
  for (const key of missing) tiers.miss(key);
  if (!batchLoader) {
    for (const key of missing) {
      const old = stale.get(key);
      out.set(key, old ? tiers.serveStale(key, old, 'grace') : undefined);
    }
    return out;
  }
  let loaded: Map<string, T | undefined | null>;
  try {
    tiers.count.loads++;
    const answer = await batchLoader([...missing]);
    loaded = Array.isArray(answer)
      ? new Map(missing.map((k, i) => [k, (answer as ReadonlyArray<T | undefined | null>)[i]]))
      : new Map(answer as ReadonlyMap<string, T | undefined | null>);
  } catch (error) {
    tiers.count.loadErrors++;
    const allGraced = missing.every((k) => {
      const old = stale.get(k);
      return old !== undefined && now < old.freshUntil + s.graceMs;
    });
    if (!allGraced) throw error;
    for (const key of missing)
      out.set(key, tiers.serveStale(key, stale.get(key) as Entry<T>, 'grace'));
    return out;
  }
  const writes: Array<[string, T | undefined | null]> = missing.map((k) => [k, loaded.get(k)]);
  await tiers.store(writes, undefined, false);
  for (const [key, value] of writes) out.set(key, s.isNotFound(value) ? undefined : (value as T));
  return out;
}
