import { InvalidOptionError } from '../../errors/InvalidOptionError.js';
import { requireNumber } from '../../options/requireNumber.js';
import type { LocalLimit } from '../LocalLimit.js';
import type { Meter } from './Meter.js';
import { SlidingWindowMeter } from './SlidingWindowMeter.js';
import { TokenBucketMeter } from './TokenBucketMeter.js';

/** Builds a fresh {@link Meter} (full bucket, empty window) for one limit. */
export type MeterFactory = () => Meter;

/**
 * Validates `limit` once, naming bad fields after `option` (e.g.
 * `'keyedLimiter.limit.ratePerSecond'`), and returns a factory of meters for it.
 */
export function meterFactory(option: string, limit: LocalLimit): MeterFactory {
  if (typeof limit !== 'object' || limit === null)
    throw new InvalidOptionError(option, 'a token-bucket or sliding-window limit', limit);
  if (limit.algorithm === 'slidingWindow') {
    const { capacity, windowMs } = slidingWindowParams(option, limit.limit, limit.windowMs);
    return () => new SlidingWindowMeter(capacity, windowMs);
  }
  if (limit.algorithm !== undefined && limit.algorithm !== 'tokenBucket')
    throw new InvalidOptionError(
      `${option}.algorithm`,
      "'tokenBucket' or 'slidingWindow'",
      limit.algorithm,
    );
  const { intervalMs, capacity } = tokenBucketParams(option, limit.ratePerSecond, limit.burst);
  return () => new TokenBucketMeter(intervalMs, capacity);
}

/** Validated token-bucket parameters. */
export function tokenBucketParams(
  option: string,
  ratePerSecond: unknown,
  burst: unknown,
): { intervalMs: number; capacity: number } {
  const rate = requireNumber(`${option}.ratePerSecond`, ratePerSecond, { above: 0 });
  const capacity =
    burst === undefined
      ? Math.max(1, Math.ceil(rate))
      : requireNumber(`${option}.burst`, burst, { min: 1, integer: true });
  return { intervalMs: 1000 / rate, capacity };
}

/** Validated sliding-window parameters. */
export function slidingWindowParams(
  option: string,
  limit: unknown,
  windowMs: unknown,
): { capacity: number; windowMs: number } {
  return {
    capacity: requireNumber(`${option}.limit`, limit, { min: 1, integer: true }),
    windowMs: requireNumber(`${option}.windowMs`, windowMs, { min: 1 }),
  };
}
