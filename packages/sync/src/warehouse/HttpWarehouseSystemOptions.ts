/** Options of {@link HttpWarehouseSystem}. */
export interface HttpWarehouseSystemOptions {
  /** Base URL of the warehouse system's stock API, e.g. `http://wms.internal/api`. */
  baseUrl: string;
  /**
   * Counts per page of a full listing.
   * @default 500
   */
  pageSize?: number;
  /**
   * Deadline of one request, in ms.
   * @default 5000
   */
  timeoutMs?: number;
  /**
   * Headers sent with every request (authentication).
   * @default {}
   */
  headers?: Record<string, string>;
}
