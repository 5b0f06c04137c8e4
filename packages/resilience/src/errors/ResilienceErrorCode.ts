/**
 * Every `code` a {@link ResilienceError} can carry:
 * - `RATE_LIMITED`: a rate limiter refused the call ({@link RateLimitedError});
 * - `CIRCUIT_OPEN`: the dependency's circuit breaker is open ({@link BrokenCircuitError});
 * - `TIMEOUT`: the call ran past its deadline ({@link TimeoutError});
 * - `BULKHEAD_FULL`: no concurrency slot and no queue room ({@link BulkheadRejectedError});
 * - `LOAD_SHED`: shed under pressure to keep higher priorities served ({@link LoadShedError});
 * - `DEGRADED`: a degradation switch is off and the call site has no fallback ({@link DegradedError});
 * - `INVALID_OPTION`: a component was built with an invalid option ({@link InvalidOptionError}).
 */
export type ResilienceErrorCode =
  | 'RATE_LIMITED'
  | 'CIRCUIT_OPEN'
  | 'TIMEOUT'
  | 'BULKHEAD_FULL'
  | 'LOAD_SHED'
  | 'DEGRADED'
  | 'INVALID_OPTION';
