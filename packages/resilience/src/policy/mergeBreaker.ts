import type { CircuitBreakerOptions } from './CircuitBreakerOptions.js';
import { mergeLayer } from './mergeLayer.js';

/** The breaker settings whose meaning depends on the breaker's `kind`. */
const kindSpecific = [
  'threshold',
  'samplingDurationMs',
  'minimumRps',
  'size',
  'minimumCalls',
] as const satisfies ReadonlyArray<keyof CircuitBreakerOptions>;

/**
 * The breaker layer: the given options merged over the preset's. When the given `kind`
 * differs from the preset's, the preset's kind-specific settings (`threshold`,
 * `samplingDurationMs`, `minimumRps`, `size`, `minimumCalls`) are left out, so that the
 * given kind starts from its own defaults; `halfOpenAfterMs`, `halfOpenProbes` and
 * `isFailure` are kept.
 */
export function mergeBreaker(
  preset: CircuitBreakerOptions | false,
  given: CircuitBreakerOptions | false | undefined,
): CircuitBreakerOptions | false {
  if (preset === false || given === false || given === undefined) return mergeLayer(preset, given);
  if (given.kind === undefined || given.kind === (preset.kind ?? 'consecutive')) {
    return mergeLayer(preset, given);
  }
  const shared: CircuitBreakerOptions = { ...preset };
  for (const key of kindSpecific) delete shared[key];
  return mergeLayer(shared, given);
}
