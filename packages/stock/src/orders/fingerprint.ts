import { createHash } from 'node:crypto';

/**
 * A stable hash of a request's content, stored with its idempotency record:
 * a retry with the same key and fingerprint replays, another fingerprint conflicts.
 */
export function fingerprint(content: unknown): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
