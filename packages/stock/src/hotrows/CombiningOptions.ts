/** Options of the combining strategy. */
export interface CombiningOptions {
  /**
   * Most orders merged into one transaction.
   * @default 128
   */
  maxBatch?: number;
}
