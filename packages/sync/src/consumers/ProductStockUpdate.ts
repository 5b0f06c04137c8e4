/** The stock of one product as {@link productStockConsumer} writes it. */
export interface ProductStockUpdate {
  /** The product's key in the product table (its SKU). */
  sku: string;
  /** Units to show as available. */
  available: number;
  /**
   * Ordering of the change, strictly increasing per SKU at the source (e.g. the stock
   * row's `version` column): a row is overwritten only by a higher version, so
   * redelivered or reordered changes never regress it.
   */
  version: number | bigint;
}
