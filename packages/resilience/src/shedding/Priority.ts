import { InvalidOptionError } from '../errors/InvalidOptionError.js';

/**
 * How much a request matters when the service is under pressure:
 * - `core`: product detail, stock deduction — served as long as anything is;
 * - `normal`: list pages, search;
 * - `background`: recommendations, admin reports, prefetches — shed first.
 */
export type Priority = 'core' | 'normal' | 'background';

/** Every priority, most important first. */
export const priorities: readonly Priority[] = ['core', 'normal', 'background'];

/** Returns `value` if it is a {@link Priority}, else throws an {@link InvalidOptionError} naming `option`. */
export function requirePriority(option: string, value: unknown): Priority {
  if (value === 'core' || value === 'normal' || value === 'background') return value;
  throw new InvalidOptionError(
    option,
    `one of ${priorities.map((p) => `"${p}"`).join(', ')}`,
    value,
  );
}
