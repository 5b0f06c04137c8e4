/**
 * Every `code` a {@link ResilienceError} can carry:
 * - `RATE_LIMITED`: a rate limiter refused the call ({@link RateLimitedError});
 * - `CIRCUIT_OPEN`: the dependency's circuit breaker is open ({@link BrokenCircuitError});
 * - `TIMEOUT`: the call ran past its deadline ({@link TimeoutError});
 * - `BULKHEAD_FULL`: no concurrency slot and no queue room ({@link BulkheadRejectedError});
 * - `LOAD_SHED`: shed under pressure to keep higher priorities served ({@link LoadShedError});
 * - `DEGRADED`: a degradation switch is on and the call site gave no fallback
 *   ({@link DegradedError});
 * - `INVALID_OPTION`: a component was built, or a call made, with an invalid option
 *   ({@link InvalidOptionError}).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import {
 *   DependencyPolicy,
 *   isResilienceError,
 *   type ResilienceErrorCode,
 * } from '@mallkit/resilience';
 *
 * // One HTTP status per code; the compiler checks that the switch covers every code.
 * function httpStatus(code: ResilienceErrorCode): number {
 *   switch (code) {
 *     case 'RATE_LIMITED':
 *       return 429;
 *     case 'TIMEOUT':
 *       return 504;
 *     case 'CIRCUIT_OPEN':
 *     case 'BULKHEAD_FULL':
 *     case 'LOAD_SHED':
 *     case 'DEGRADED':
 *       return 503;
 *     case 'INVALID_OPTION':
 *       return 500;
 *   }
 * }
 *
 * const search = new DependencyPolicy({ name: 'doc:ResilienceErrorCode' });
 * search.breaker?.isolate();
 * const error = await search.execute(() => 'hits').catch((e: unknown) => e);
 * assert.ok(isResilienceError(error));
 * assert.equal(httpStatus(error.code), 503);
 * ```
 *
 * @group Errors
 */
export type ResilienceErrorCode =
  | 'RATE_LIMITED'
  | 'CIRCUIT_OPEN'
  | 'TIMEOUT'
  | 'BULKHEAD_FULL'
  | 'LOAD_SHED'
  | 'DEGRADED'
  | 'INVALID_OPTION';
