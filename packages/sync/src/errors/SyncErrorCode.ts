/**
 * Every `code` a {@link SyncError} can carry:
 * - `INVALID_OPTION`: a component was built with an invalid option;
 * - `INVALID_MESSAGE`: a message could not be decoded or failed validation (it goes to the dead-letter stream);
 * - `SOURCE_MISCONFIGURED`: the database cannot feed the source (binlog off, not ROW format, metadata not FULL, missing privileges);
 * - `POSITION_LOST`: the checkpointed position no longer exists (binlog purged); a snapshot is needed;
 * - `TRANSPORT_UNAVAILABLE`: the message stream (Redis) failed; nothing was acknowledged;
 * - `SOURCE_UNAVAILABLE`: the source database or warehouse system failed;
 * - `LEASE_LOST`: another node holds the lease of a scheduled job;
 * - `STOPPED`: the component was stopped while the call waited.
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
