/**
 * Every `code` a {@link CacheError} can carry:
 * - `INVALID_KEY`: empty, too long, or not a string;
 * - `BATCH_TOO_LARGE`: more keys in one call than `maxBatchSize`;
 * - `VALUE_TOO_LARGE`: a serialized value over `maxValueBytes`;
 * - `SERIALIZATION`: a value could not be serialized or a stored one parsed;
 * - `L2_UNAVAILABLE`: Redis failed or timed out and nothing could answer instead;
 * - `INVALID_OPTION`: a component was built with an invalid option;
 * - `CLOSED`: the cache was used after `close()`.
 */
export type CacheErrorCode =
  | 'INVALID_KEY'
  | 'BATCH_TOO_LARGE'
  | 'VALUE_TOO_LARGE'
  | 'SERIALIZATION'
  | 'L2_UNAVAILABLE'
  | 'INVALID_OPTION'
  | 'CLOSED';
