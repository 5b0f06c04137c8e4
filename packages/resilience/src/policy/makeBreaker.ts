import { ConsecutiveBreaker, CountBreaker, type IBreaker, SamplingBreaker } from 'cockatiel';
import { InvalidOptionError } from '../errors/InvalidOptionError.js';
import { requireNumber } from '../options/requireNumber.js';
import type { CircuitBreakerOptions } from './CircuitBreakerOptions.js';

/**
 * The cockatiel breaker that decides when a {@link CircuitBreaker} opens, from its
 * options with each kind's defaults; invalid values throw {@link InvalidOptionError}
 * (with `thresholdHint` appended to the message of an invalid `threshold`).
 */
export function makeBreaker(options: CircuitBreakerOptions, thresholdHint?: string): IBreaker {
  const kind = options.kind ?? 'consecutive';
  if (typeof kind === 'object') return kind;
  if (kind === 'consecutive') {
    return new ConsecutiveBreaker(
      requireNumber(
        'breaker.threshold',
        options.threshold ?? 5,
        { min: 1, integer: true },
        thresholdHint,
      ),
    );
  }
  const threshold = requireNumber(
    'breaker.threshold',
    options.threshold ?? 0.5,
    { above: 0, max: 1 },
    thresholdHint,
  );
  if (kind === 'sampling') {
    return new SamplingBreaker({
      threshold,
      duration: requireNumber('breaker.samplingDurationMs', options.samplingDurationMs ?? 10_000, {
        min: 1,
      }),
      minimumRps: requireNumber('breaker.minimumRps', options.minimumRps ?? 5, { min: 0 }),
    });
  }
  if (kind === 'count') {
    return new CountBreaker({
      threshold,
      size: requireNumber('breaker.size', options.size ?? 100, { min: 1, integer: true }),
      minimumNumberOfCalls: requireNumber('breaker.minimumCalls', options.minimumCalls ?? 20, {
        min: 1,
        integer: true,
      }),
    });
  }
  throw new InvalidOptionError(
    'breaker.kind',
    "'consecutive', 'sampling', 'count' or an IBreaker",
    kind,
  );
}
