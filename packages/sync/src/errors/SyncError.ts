import type { SyncErrorCode } from './SyncErrorCode.js';

const brand = Symbol.for('@mallkit/sync/error');

/**
 * Base class of every error that @mallkit/sync throws.
 *
 * Branch on {@link SyncError.code}, never on the message: codes are stable across
 * versions, messages are for people. The underlying failure, when there is one,
 * is kept as `cause`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { decodeChangeEvent, MemoryTransport, SyncError } from '@mallkit/sync';
 *
 * assert.throws(
 *   () => new MemoryTransport({ partitions: 0 }),
 *   (error) => error instanceof SyncError && error.code === 'INVALID_OPTION',
 * );
 *
 * try {
 *   decodeChangeEvent('{not json');
 *   assert.fail('expected a SyncError');
 * } catch (error) {
 *   assert.ok(error instanceof SyncError);
 *   assert.equal(error.name, 'SyncError');
 *   assert.equal(error.code, 'INVALID_MESSAGE'); // branch on the code, not the message
 *   assert.ok(error.cause instanceof SyntaxError); // the underlying failure
 * }
 * ```
 *
 * @group Errors
 */
export class SyncError extends Error {
  /** Stable machine-readable identifier of the failure, e.g. `'SOURCE_MISCONFIGURED'`. */
  readonly code: SyncErrorCode;

  /**
   * @param code - stable identifier of the failure
   * @param message - what went wrong, for people
   * @param options - `cause`: the original error, kept for diagnosis
   */
  constructor(code: SyncErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    Object.defineProperty(this, brand, { value: true });
  }
}

/**
 * Whether `error` was thrown by @mallkit/sync. Unlike `instanceof`, this holds when
 * two copies of the package are installed side by side.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { Consumer, isSyncError, MemoryTransport } from '@mallkit/sync';
 *
 * function describe(error: unknown): string {
 *   if (isSyncError(error)) return `sync ${error.code}`; // narrowed to SyncError
 *   return 'not from @mallkit/sync';
 * }
 *
 * let caught: unknown;
 * try {
 *   new Consumer({
 *     transport: new MemoryTransport(),
 *     topic: 'shop.{orders}', // braces would break Redis Cluster hash tags
 *     group: 'mailer',
 *     name: 'node-1',
 *     handler: async () => {},
 *   });
 * } catch (error) {
 *   caught = error;
 * }
 * assert.equal(describe(caught), 'sync INVALID_OPTION');
 * assert.equal(describe(new TypeError('x')), 'not from @mallkit/sync');
 * ```
 *
 * @group Errors
 */
export function isSyncError(error: unknown): error is SyncError {
  return typeof error === 'object' && error !== null && brand in error;
}
