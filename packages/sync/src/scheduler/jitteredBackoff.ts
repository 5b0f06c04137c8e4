/**
 * The wait after the `failures`-th failure in a row: `baseMs` doubled per failure, at
 * most `maxMs`, then jittered down to a random point of its upper half, so nodes that
 * failed together do not retry together. Always within `[ceiling / 2, ceiling]`.
 * @internal
 */
export function jitteredBackoff(
  failures: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
