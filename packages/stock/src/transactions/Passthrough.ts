/**
 * Base of the signals a transaction body throws on purpose to roll back and
 * tell its caller why (a retry, a duplicate order, a short line). They pass
 * through `runTransaction` untouched and never leave the service.
 */
export class Passthrough extends Error {}
