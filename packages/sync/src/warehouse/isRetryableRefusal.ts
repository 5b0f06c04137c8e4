/** Codes an inventory answers for a count it will never take (the count itself is wrong). */
const FINAL = new Set(['UNKNOWN_SKU', 'UNKNOWN_WAREHOUSE', 'INVALID_REQUEST', 'INVALID_ORDER']);

/**
 * Whether a count the inventory refused with `error` may succeed later: it lost a race,
 * or the inventory was unreachable. Only a refusal of the count itself is final; the
 * others hold the sync's cursor back so the count is fetched again.
 */
export function isRetryableRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return !(typeof code === 'string' && FINAL.has(code));
}
