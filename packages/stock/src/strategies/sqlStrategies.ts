import type { StrategyName } from './DeductionStrategy.js';

/** The strategies a SKU or the service may name (Redis + Lua is chosen per activity instead). */
export const SQL_STRATEGIES: ReadonlySet<StrategyName> = new Set<StrategyName>([
  'conditional',
  'optimistic',
  'lock',
  'combining',
]);
