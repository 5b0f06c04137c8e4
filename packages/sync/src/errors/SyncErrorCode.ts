/**
 * Every `code` a {@link SyncError} can carry:
 * - `INVALID_OPTION`: a component was built with an invalid option;
 * - `INVALID_MESSAGE`: a message could not be decoded or failed validation (it goes to the dead-letter stream);
 * - `SOURCE_MISCONFIGURED`: the database cannot feed the source (binlog off, not ROW format, metadata not FULL, missing privileges, the outbox table or a checkpoint table made with `createTable: false` missing); no retry cures it;
 * - `POSITION_LOST`: the checkpointed position no longer exists (binlog purged); a snapshot is needed;
 * - `TRANSPORT_UNAVAILABLE`: the message stream (Redis) failed; nothing was acknowledged;
 * - `SOURCE_UNAVAILABLE`: the source database or warehouse system failed;
 * - `LEASE_LOST`: another node holds the lease of a scheduled job;
 * - `STOPPED`: the component was stopped while the call waited.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { decodeChangeEvent, isSyncError, type SyncErrorCode } from '@mallkit/sync';
 *
 * // which failures are worth retrying later, and which need a person
 * const retryable: Record<SyncErrorCode, boolean> = {
 *   INVALID_OPTION: false,
 *   INVALID_MESSAGE: false,
 *   SOURCE_MISCONFIGURED: false,
 *   POSITION_LOST: false,
 *   TRANSPORT_UNAVAILABLE: true,
 *   SOURCE_UNAVAILABLE: true,
 *   LEASE_LOST: true,
 *   STOPPED: false,
 * };
 * try {
 *   decodeChangeEvent('[]');
 *   assert.fail('expected a SyncError');
 * } catch (error) {
 *   assert.ok(isSyncError(error));
 *   assert.equal(error.code, 'INVALID_MESSAGE');
 *   assert.equal(retryable[error.code], false); // a bad message stays bad: dead-letter it
 * }
 * ```
 *
 * @group Errors
 */
export type SyncErrorCode =
  | 'INVALID_OPTION'
  | 'INVALID_MESSAGE'
  | 'SOURCE_MISCONFIGURED'
  | 'POSITION_LOST'
  | 'TRANSPORT_UNAVAILABLE'
  | 'SOURCE_UNAVAILABLE'
  | 'LEASE_LOST'
  | 'STOPPED';
