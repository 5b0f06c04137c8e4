import { SyncError } from '../errors/SyncError.js';

/**
 * Checks a topic, group or consumer name: 1 to 200 characters, no braces (they would
 * break the Redis Cluster hash tags of the keys built from it), no control characters.
 * Throws a `SyncError` `INVALID_OPTION` otherwise.
 */
export function requireName(kind: string, name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting them is the point
  if (typeof name !== 'string' || !/^[^{}\u0000-\u001f]{1,200}$/.test(name)) {
    throw new SyncError(
      'INVALID_OPTION',
      `${kind} name must be 1 to 200 characters without braces or control characters, not ${JSON.stringify(name)}`,
    );
  }
  return name;
}
