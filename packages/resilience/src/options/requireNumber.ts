import { InvalidOptionError } from '../errors/InvalidOptionError.js';

/** Bounds a numeric option must respect. */
export interface NumberRule {
  /** Smallest allowed value, inclusive. */
  min?: number;
  /** Smallest allowed value, exclusive (e.g. `0` for "positive"). */
  above?: number;
  /** Largest allowed value, inclusive. */
  max?: number;
  /** Must be a whole number. */
  integer?: boolean;
}

/**
 * Returns `value` when it is a finite number within `rule`, else throws an
 * {@link InvalidOptionError} naming `option` (with `hint` appended to its message). Used
 * by every constructor, so bad configuration fails at start-up, not under load.
 */
export function requireNumber(
  option: string,
  value: unknown,
  rule: NumberRule = {},
  hint?: string,
): number {
  const parts: string[] = [rule.integer ? 'an integer' : 'a finite number'];
  if (rule.above !== undefined) parts.push(`> ${rule.above}`);
  if (rule.min !== undefined) parts.push(`>= ${rule.min}`);
  if (rule.max !== undefined) parts.push(`<= ${rule.max}`);
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!rule.integer || Number.isInteger(value)) &&
    (rule.above === undefined || value > rule.above) &&
    (rule.min === undefined || value >= rule.min) &&
    (rule.max === undefined || value <= rule.max);
  if (!ok) throw new InvalidOptionError(option, parts.join(' '), value, hint);
  return value;
}
