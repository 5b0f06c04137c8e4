import type { RowTaker } from './RowTaker.js';

/** Names of the built-in deduction strategies. */
export type StrategyName = 'conditional' | 'optimistic' | 'lock' | 'combining' | 'redis';

/**
 * A way to deduct stock without overselling. `run` wraps one attempt of an
 * order's transaction with what the strategy needs around it (locks, retries)
 * and hands it the row taker to use inside.
 */
export interface DeductionStrategy {
  readonly name: StrategyName;
  run<T>(skus: readonly string[], attempt: (taker: RowTaker) => Promise<T>): Promise<T>;
}
