/**
 * How long to wait before the next delivery of a message whose handling failed on its
 * `deliveries`-th delivery: `baseMs` doubled per delivery after the first, at most `maxMs`.
 */
export function retryDelay(deliveries: number, baseMs: number, maxMs: number): number {
  const exponent = Math.min(Math.max(deliveries - 1, 0), 30);
  return Math.min(maxMs, baseMs * 2 ** exponent);
}
