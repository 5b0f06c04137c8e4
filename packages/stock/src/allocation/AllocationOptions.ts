/** How warehouses are chosen: `'priority'`, `'nearest'` (to the order's region) or `'mostStock'`. */
export type SplitStrategy = 'priority' | 'nearest' | 'mostStock';

/** Settings of {@link allocateOrder}. */
export interface AllocationOptions {
  /**
   * The order in which warehouses are tried for each line.
   * @default 'priority'
   */
  strategy?: SplitStrategy;
  /**
   * Whether one line may be served from several warehouses. When false, a line is
   * served by the first warehouse that has all of it, or not at all.
   * @default true
   */
  allowSplit?: boolean;
  /**
   * Distance between two regions, for `'nearest'`; ties fall back to priority.
   * @default 0 for the same region, 1 otherwise
   */
  distance?: (from: string, to: string) => number;
}
