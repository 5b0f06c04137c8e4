import { InvalidOptionError } from '../errors/InvalidOptionError.js';

const valid = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/;

/**
 * Returns `value` if it is a valid switch name — 1 to 128 characters among letters,
 * digits and `. _ : / -`, starting with a letter or digit — else throws an
 * {@link InvalidOptionError} naming `option`.
 */
export function requireSwitchName(option: string, value: unknown): string {
  if (typeof value === 'string' && valid.test(value)) return value;
  throw new InvalidOptionError(
    option,
    'a switch name of 1 to 128 letters, digits or . _ : / - (starting with a letter or digit)',
    value,
  );
}
