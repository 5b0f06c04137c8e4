import type { CircuitBreakerOptions } from './CircuitBreakerOptions.js';
import type { PolicyPreset } from './policyPresets.js';
import type { RetryOptions } from './RetryOptions.js';

/*
 * Hints appended to the InvalidOptionError of a DependencyPolicy when an invalid value
 * is only invalid because of a value the caller did not give, so the message says where
 * that value came from (a preset, or the default) and how to fix it.
 */

/** Where a value the caller did not give came from: `from preset 'redis'`, or `the default`. */
export function valueSource(preset: PolicyPreset | undefined): string {
  return preset === undefined ? 'the default' : `from preset '${preset}'`;
}

/**
 * For a `breaker.threshold` given without a `kind`, whose value would suit the other
 * family of kinds: says where the kind came from and which kind to set.
 */
export function thresholdHint(
  given: CircuitBreakerOptions | false | undefined,
  kind: CircuitBreakerOptions['kind'],
  source: string,
): string | undefined {
  if (typeof given !== 'object' || given.kind !== undefined) return undefined;
  const threshold = given.threshold;
  if (typeof threshold !== 'number') return undefined;
  if ((kind ?? 'consecutive') === 'consecutive') {
    return threshold > 0 && threshold <= 1
      ? `breaker.kind is 'consecutive' (${source}), where threshold counts failures in a row: for a failure ratio, set breaker.kind to 'sampling' or 'count'`
      : undefined;
  }
  return typeof kind === 'string' && Number.isInteger(threshold) && threshold > 1
    ? `breaker.kind is '${kind}' (${source}), where threshold is a failure ratio: for failures in a row, set breaker.kind to 'consecutive'`
    : undefined;
}

/**
 * For a `retry.maxDelayMs` below `retry.initialDelayMs` where one of the two was not
 * given: says which, where it came from, and what to set it to.
 */
export function retryDelayHint(
  given: RetryOptions | false | undefined,
  initialDelayMs: number,
  maxDelayMs: unknown,
  source: string,
): string | undefined {
  if (typeof maxDelayMs !== 'number' || !(maxDelayMs < initialDelayMs)) return undefined;
  const retry = typeof given === 'object' ? given : {};
  if (retry.maxDelayMs === undefined) {
    return `retry.maxDelayMs is ${maxDelayMs} (${source}): set it too, to ${initialDelayMs} or more`;
  }
  if (retry.initialDelayMs === undefined) {
    return `retry.initialDelayMs is ${initialDelayMs} (${source}): set it too, to ${maxDelayMs} or less`;
  }
  return undefined;
}
