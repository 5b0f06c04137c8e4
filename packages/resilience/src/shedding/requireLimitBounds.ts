import { InvalidOptionError } from '../errors/InvalidOptionError.js';
import { requireNumber } from '../options/requireNumber.js';

/** Validated bounds of an adaptive limit. */
export interface LimitBounds {
  /** Where the limit starts. */
  initialLimit: number;
  /** Lowest value. */
  minLimit: number;
  /** Highest value. */
  maxLimit: number;
}

/**
 * Validates `initialLimit`, `minLimit` and `maxLimit` (whole numbers >= 1 with
 * `minLimit <= initialLimit <= maxLimit`), naming the option under `component`.
 */
export function requireLimitBounds(
  component: string,
  given: Partial<Record<keyof LimitBounds, unknown>>,
  defaults: LimitBounds,
): LimitBounds {
  const rule = { min: 1, integer: true };
  const minLimit = requireNumber(
    `${component}.minLimit`,
    given.minLimit ?? defaults.minLimit,
    rule,
  );
  const maxLimit = requireNumber(`${component}.maxLimit`, given.maxLimit ?? defaults.maxLimit, {
    ...rule,
    min: minLimit,
  });
  const initial =
    given.initialLimit ?? Math.min(Math.max(defaults.initialLimit, minLimit), maxLimit);
  const initialLimit = requireNumber(`${component}.initialLimit`, initial, rule);
  if (initialLimit < minLimit || initialLimit > maxLimit) {
    throw new InvalidOptionError(
      `${component}.initialLimit`,
      `between minLimit (${minLimit}) and maxLimit (${maxLimit})`,
      initialLimit,
    );
  }
  return { initialLimit, minLimit, maxLimit };
}
