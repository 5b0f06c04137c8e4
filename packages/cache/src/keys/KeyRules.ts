/** What a valid cache key is. */
export interface KeyRules {
  /**
   * Longest key accepted, in UTF-16 code units (the namespace prefix not included).
   * @default 512
   */
  maxKeyLength?: number;
  /**
   * Most keys in one batched call (`getMany`, `invalidate`, `clusterMget`).
   * @default 5000
   */
  maxBatchSize?: number;
}
