import type { Entry } from './Entry.js';

/**
 * Of `a` and `b`, the one fresh the longest among those still usable at `now` (not past
 * their `staleUntil`); `undefined` if neither is.
 */
export function newestEntry<T>(
  a: Entry<T> | undefined,
  b: Entry<T> | undefined,
  now: number,
): Entry<T> | undefined {
  const usable = [a, b].filter((e): e is Entry<T> => e !== undefined && e.staleUntil > now);
  return usable.sort((x, y) => y.freshUntil - x.freshUntil)[0];
}
