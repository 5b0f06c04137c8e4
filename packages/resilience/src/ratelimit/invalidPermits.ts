/**
 * The error thrown when a request asks for a number of permits that is not positive,
 * or that the limiter could never grant at once (more than its burst or window limit):
 * a programming error, not a refusal.
 */
export function invalidPermits(limiter: string, permits: number, capacity: number): RangeError {
  return new RangeError(
    `rate limiter "${limiter}": permits must be > 0 and <= ${capacity} (its capacity); got ${permits}`,
  );
}
