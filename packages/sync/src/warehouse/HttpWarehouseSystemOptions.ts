/**
 * Options of {@link HttpWarehouseSystem}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { once } from 'node:events';
 * import { createServer } from 'node:http';
 * import { HttpWarehouseSystem, type HttpWarehouseSystemOptions, isSyncError } from '@mallkit/sync';
 *
 * // a stand-in for the WMS: five counts, listed by page, for authenticated callers only
 * const counts = [1, 2, 3, 4, 5].map((n) => ({ sku: `sku-${n}`, warehouse: 'sh-1', physical: n }));
 * const server = createServer((request, response) => {
 *   if (request.headers.authorization !== 'Bearer s3cret') return void response.writeHead(401).end();
 *   const query = new URL(request.url ?? '/', 'http://wms').searchParams;
 *   const [page, size] = [Number(query.get('page')), Number(query.get('size'))];
 *   const next = (page + 1) * size < counts.length ? page + 1 : null;
 *   response.end(JSON.stringify({ counts: counts.slice(page * size, (page + 1) * size), next }));
 * });
 * server.listen(0, '127.0.0.1');
 * await once(server, 'listening');
 * const address = server.address();
 * assert.ok(address !== null && typeof address === 'object');
 *
 * const options: HttpWarehouseSystemOptions = {
 *   baseUrl: `http://127.0.0.1:${address.port}`, // where GET /stock, /stock/changes, POST /stock/query live
 *   pageSize: 2, // counts per page of fetchAll
 *   timeoutMs: 2_000, // per request
 *   headers: { authorization: 'Bearer s3cret' },
 * };
 * const pages: number[] = [];
 * for await (const page of new HttpWarehouseSystem(options).fetchAll()) pages.push(page.length);
 * assert.deepEqual(pages, [2, 2, 1]);
 * const anonymous = new HttpWarehouseSystem({ ...options, headers: {} });
 * const refused = await anonymous.fetchCounts(['sku-1']).catch((error: unknown) => error);
 * assert.ok(isSyncError(refused) && refused.code === 'SOURCE_UNAVAILABLE'); // answered 401
 * server.close();
 * await once(server, 'close');
 * ```
 *
 * @group Warehouse sync
 */
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
