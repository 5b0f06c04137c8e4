import { SyncError } from '../errors/SyncError.js';
import type { HttpWarehouseSystemOptions } from './HttpWarehouseSystemOptions.js';
import type { WarehouseCount } from './WarehouseCount.js';
import type { WarehouseChanges, WarehouseSystem } from './WarehouseSystem.js';

/**
 * A warehouse system behind a small JSON-over-HTTP API:
 * - `GET  /stock?page=N&size=S` → `{ "counts": WarehouseCount[], "next": number | null }`
 * - `GET  /stock/changes?cursor=C` → `{ "counts": WarehouseCount[], "cursor": string }`
 * - `POST /stock/query` with `{ "skus": string[] }` → `{ "counts": WarehouseCount[] }`
 *
 * Write a {@link WarehouseSystem} of your own for another API. Failures and
 * timeouts throw `SOURCE_UNAVAILABLE`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { once } from 'node:events';
 * import { createServer } from 'node:http';
 * import { HttpWarehouseSystem, type WarehouseCount } from '@mallkit/sync';
 *
 * // a stand-in for the warehouse system's stock API
 * const counts: WarehouseCount[] = [
 *   { sku: 'phone-128', warehouse: 'sh-1', physical: 12 },
 *   { sku: 'case-128', warehouse: 'sh-1', physical: 30 },
 * ];
 * const server = createServer(async (request, response) => {
 *   let body = '';
 *   for await (const chunk of request) body += chunk;
 *   const path = new URL(request.url ?? '/', 'http://wms').pathname;
 *   const skus: unknown = path === '/stock/query' ? JSON.parse(body).skus : [];
 *   const answer =
 *     path === '/stock' ? { counts, next: null } // GET /stock?page=N&size=S
 *     : path === '/stock/changes' ? { counts: counts.slice(0, 1), cursor: 'c-1' } // GET ?cursor=C
 *     : { counts: counts.filter((c) => Array.isArray(skus) && skus.includes(c.sku)) }; // POST /stock/query
 *   response.setHeader('content-type', 'application/json').end(JSON.stringify(answer));
 * });
 * server.listen(0, '127.0.0.1');
 * await once(server, 'listening');
 * const address = server.address();
 * assert.ok(address !== null && typeof address === 'object');
 *
 * const wms = new HttpWarehouseSystem({ baseUrl: `http://127.0.0.1:${address.port}` });
 * assert.deepEqual(await wms.fetchCounts(['case-128']), [counts[1]]);
 * assert.deepEqual(await wms.fetchChanges(undefined), { counts: [counts[0]], cursor: 'c-1' });
 * for await (const page of wms.fetchAll()) assert.deepEqual(page, counts);
 * server.close();
 * await once(server, 'close');
 * ```
 *
 * @group Warehouse sync
 */
export class HttpWarehouseSystem implements WarehouseSystem {
  readonly #base: string;
  readonly #pageSize: number;
  readonly #timeoutMs: number;
  readonly #headers: Record<string, string>;

  constructor(options: HttpWarehouseSystemOptions) {
    this.#base = options.baseUrl.replace(/\/+$/, '');
    this.#pageSize = options.pageSize ?? 500;
    this.#timeoutMs = options.timeoutMs ?? 5000;
    this.#headers = options.headers ?? {};
  }

  /** Every count, page by page. */
  async *fetchAll(): AsyncIterable<WarehouseCount[]> {
    for (let page: number | null = 0; page !== null; ) {
      const body = (await this.#call(`/stock?page=${page}&size=${this.#pageSize}`)) as {
        counts?: unknown;
        next?: unknown;
      };
      yield countsOf(body.counts);
      page = typeof body.next === 'number' ? body.next : null;
    }
  }

  /** Counts changed since `cursor`. */
  async fetchChanges(cursor: string | undefined): Promise<WarehouseChanges> {
    const query = cursor === undefined ? '' : `?cursor=${encodeURIComponent(cursor)}`;
    const body = (await this.#call(`/stock/changes${query}`)) as {
      counts?: unknown;
      cursor?: unknown;
    };
    if (typeof body.cursor !== 'string') throw malformed('changes without a cursor');
    return { counts: countsOf(body.counts), cursor: body.cursor };
  }

  /** Current counts of these SKUs. */
  async fetchCounts(skus: readonly string[]): Promise<WarehouseCount[]> {
    const body = (await this.#call('/stock/query', { skus })) as { counts?: unknown };
    return countsOf(body.counts);
  }

  async #call(path: string, json?: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(this.#base + path, {
        method: json === undefined ? 'GET' : 'POST',
        headers: {
          ...this.#headers,
          ...(json === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      throw new SyncError(
        'SOURCE_UNAVAILABLE',
        `warehouse system unreachable at ${path}: ${String(error)}`,
        {
          cause: error,
        },
      );
    }
    if (!response.ok) {
      throw new SyncError(
        'SOURCE_UNAVAILABLE',
        `warehouse system answered ${response.status} at ${path}`,
      );
    }
    try {
      return await response.json();
    } catch (error) {
      throw malformed(`${path} did not answer JSON`, error);
    }
  }
}

function countsOf(value: unknown): WarehouseCount[] {
  if (!Array.isArray(value)) throw malformed('a response without a counts array');
  return value as WarehouseCount[];
}

function malformed(problem: string, cause?: unknown): SyncError {
  return new SyncError(
    'SOURCE_UNAVAILABLE',
    `warehouse system sent ${problem}`,
    cause === undefined ? {} : { cause },
  );
}
