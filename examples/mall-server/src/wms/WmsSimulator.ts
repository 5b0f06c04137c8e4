import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One count a warehouse system reports. */
export interface WmsCount {
  sku: string;
  warehouse: string;
  physical: number;
}

/**
 * A small warehouse management system for the demo and the tests, speaking the JSON
 * protocol of `HttpWarehouseSystem`: `GET /stock?page&size` (full listing),
 * `GET /stock/changes?cursor` (what changed since), `POST /stock/query` (fresh counts of
 * some SKUs), and `POST /counts` to change counts (what a stock-taking would do).
 */
export class WmsSimulator {
  readonly #counts = new Map<string, WmsCount>();
  readonly #changes: WmsCount[] = [];
  #server: Server | undefined;

  /** Records counts, as a stock-taking in the warehouse would. */
  set(...counts: WmsCount[]): void {
    for (const count of counts) {
      this.#counts.set(`${count.sku}@${count.warehouse}`, { ...count });
      this.#changes.push({ ...count });
    }
  }

  /** Every count it holds. */
  counts(): WmsCount[] {
    return [...this.#counts.values()];
  }

  /** Base URL once started. */
  get url(): string {
    const address = this.#server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('the WMS simulator is not started');
    return `http://127.0.0.1:${address.port}`;
  }

  /** Listens on `port` (0: a free one) on loopback. */
  async start(port = 0): Promise<this> {
    const server = createServer((request, response) => {
      this.#answer(request).then(
        (body) => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify(body));
        },
        (error: unknown) => {
          response.writeHead(error instanceof SyntaxError ? 400 : 404, {
            'content-type': 'application/json',
          });
          response.end(JSON.stringify({ error: String(error) }));
        },
      );
    });
    this.#server = server;
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return this;
  }

  /** Stops listening. */
  async stop(): Promise<void> {
    const server = this.#server;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  async #answer(request: IncomingMessage): Promise<unknown> {
    const url = new URL(request.url ?? '/', 'http://wms');
    if (request.method === 'GET' && url.pathname === '/stock') {
      const page = Number(url.searchParams.get('page') ?? 0);
      const size = Math.max(1, Number(url.searchParams.get('size') ?? 100));
      const all = this.counts();
      const next = (page + 1) * size < all.length ? page + 1 : null;
      return { counts: all.slice(page * size, (page + 1) * size), next };
    }
    if (request.method === 'GET' && url.pathname === '/stock/changes') {
      const from = Number(url.searchParams.get('cursor') ?? 0);
      return { counts: this.#changes.slice(from), cursor: String(this.#changes.length) };
    }
    const body = await readJson(request);
    if (request.method === 'POST' && url.pathname === '/stock/query') {
      const skus = new Set((body as { skus?: string[] }).skus ?? []);
      return { counts: this.counts().filter((c) => skus.has(c.sku)) };
    }
    if (request.method === 'POST' && url.pathname === '/counts') {
      this.set(...((body as { counts?: WmsCount[] }).counts ?? []));
      return { ok: true };
    }
    throw new Error(`no route ${request.method} ${url.pathname}`);
  }
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let raw = '';
  for await (const chunk of request) raw += chunk;
  return raw === '' ? {} : JSON.parse(raw);
}
