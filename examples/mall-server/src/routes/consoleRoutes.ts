import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { Mall } from '../app/Mall.ts';
import { guard } from '../http/RouteConfig.ts';

const admin = guard('background', 'admin');
const security = [{ bearer: [] }];
const consoleDir = new URL('../console/', import.meta.url);
/** The names a console file may have: lower case, no dot but the extension's, no slash. */
const assetName = /^[a-z][a-z0-9-]*\.(js|css|html)$/;
const contentTypes: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/**
 * The console's files, by name, with their content types: the regular files of the
 * console directory whose names match `assetName`, listed once at startup. A request
 * names one of them or gets a 404, so nothing outside the directory can be reached.
 */
function consoleAssets(): Map<string, string> {
  const assets = new Map<string, string>();
  for (const entry of readdirSync(consoleDir, { withFileTypes: true })) {
    const match = assetName.exec(entry.name);
    const type = match?.[1] === undefined ? undefined : contentTypes[match[1]];
    if (entry.isFile() && type !== undefined) assets.set(entry.name, type);
  }
  return assets;
}

/** The admin console: its static page, and the JSON it reads (admin token). */
export function consoleRoutes(app: FastifyInstance, mall: Mall): void {
  const assets = consoleAssets();
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/admin/'));
  app.get<{ Params: { file?: string } }>(
    '/admin/:file?',
    { schema: { hide: true } },
    async (request, reply) => {
      const file = request.params.file || 'index.html';
      const type = assets.get(file);
      if (type === undefined)
        return reply.code(404).send({ error: { code: 'NOT_FOUND', message: file } });
      return reply
        .type(type)
        .header('cache-control', 'no-cache')
        .header(
          'content-security-policy',
          "default-src 'self'; style-src 'self'; script-src 'self'",
        )
        .send(await readFile(new URL(file, consoleDir)));
    },
  );

  app.get(
    '/api/admin/session',
    { config: admin, schema: { tags: ['admin'], security } },
    async () => ({
      instance: mall.config.instance,
      mode: mall.stack.mode,
      flashSaleEngine: mall.flashSales.engine,
    }),
  );

  app.get(
    '/api/admin/overview',
    {
      config: admin,
      schema: { tags: ['admin'], summary: 'Everything the console shows at a glance', security },
    },
    async () => {
      const cache = mall.productCache.stats();
      const requests = cache.hits.l1 + cache.hits.l2 + cache.misses;
      const lag =
        mall.consumer === undefined ? undefined : await mall.consumer.lag().catch(() => undefined);
      const sync = mall.lastSync();
      return {
        instance: mall.config.instance,
        mode: mall.stack.mode,
        cache: {
          hits: cache.hits,
          misses: cache.misses,
          hitRatio: requests === 0 ? null : (cache.hits.l1 + cache.hits.l2) / requests,
          l1Entries: cache.l1Entries,
          staleServed: cache.staleServed,
          broadcast: cache.broadcast,
        },
        hotKeys: mall.hotKeys.hotKeys().slice(0, 20),
        breakers: [mall.guards.db, mall.guards.l2, mall.guards.redis].map((p) => {
          const s = p.stats();
          return { name: s.name, state: s.state, failures: s.failures, openings: s.openings };
        }),
        switches: mall.guards.switches.list(),
        shedder: mall.guards.shedder.stats(),
        sync: {
          lag: lag === undefined ? null : { messages: lag.messages, seconds: lag.seconds },
          consumer: mall.consumer.stats(),
          outbox: mall.outboxRelay?.status() ?? null,
          binlog:
            mall.binlog === undefined
              ? null
              : { leading: mall.binlog.leading, status: mall.binlog.status() ?? null },
          lastFullSync:
            sync === undefined
              ? null
              : {
                  kind: sync.kind,
                  checked: sync.checked,
                  changed: sync.changed.length,
                  rejected: sync.rejected.length,
                  startedAt: sync.startedAt,
                  endedAt: sync.endedAt,
                },
        },
        alerts: mall.alerts.slice(0, 20),
        series: mall.telemetry.samples(),
      };
    },
  );

  app.get<{ Querystring: { sku?: string; limit?: number } }>(
    '/api/admin/stock',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Stock rows by SKU and warehouse with every type',
        security,
        querystring: {
          type: 'object',
          properties: {
            sku: { type: 'string', maxLength: 64 },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
          },
        },
      },
    },
    async (request) => {
      let query = mall.stack.db
        .selectFrom('stock_level')
        .select((eb) => [
          'sku',
          'warehouse',
          eb.fn.sum<number>('physical').as('physical'),
          eb.fn.sum<number>('reserved').as('reserved'),
          eb.fn.sum<number>('safety').as('safety'),
          eb.fn.sum<number>('activity').as('activity'),
          eb.fn.count<number>('shard').as('shards'),
        ])
        .groupBy(['sku', 'warehouse'])
        .orderBy('sku')
        .orderBy('warehouse')
        .limit(request.query.limit ?? 100);
      if (request.query.sku)
        query = query.where('sku', 'like', `${request.query.sku.replace(/[%_]/g, '')}%`);
      const rows = await query.execute();
      return {
        items: rows.map((r) => {
          const n = {
            physical: Number(r.physical),
            reserved: Number(r.reserved),
            safety: Number(r.safety),
            activity: Number(r.activity),
          };
          return {
            sku: r.sku,
            warehouse: r.warehouse,
            shards: Number(r.shards),
            ...n,
            sellable: n.physical - n.reserved - n.safety - n.activity,
          };
        }),
      };
    },
  );

  app.get(
    '/api/admin/reservations',
    {
      config: admin,
      schema: { tags: ['admin'], summary: 'Unpaid reservations and when they expire', security },
    },
    async () => {
      const rows = await mall.stack.db
        .selectFrom('stock_order')
        .innerJoin('stock_deduction', 'stock_deduction.order_no', 'stock_order.order_no')
        .select([
          'stock_order.order_no',
          'stock_order.created_at',
          'stock_order.expires_at',
          'stock_deduction.sku',
          'stock_deduction.warehouse',
          'stock_deduction.quantity',
        ])
        .where('stock_order.status', '=', 'reserved')
        .orderBy('stock_order.expires_at')
        .limit(200)
        .execute();
      return {
        items: rows.map((r) => ({
          orderNo: r.order_no,
          sku: r.sku,
          warehouse: r.warehouse,
          quantity: Number(r.quantity),
          createdAt: Number(r.created_at),
          expiresAt: r.expires_at === null ? null : Number(r.expires_at),
        })),
      };
    },
  );

  app.get(
    '/api/admin/activities',
    { config: admin, schema: { tags: ['admin'], summary: 'Flash-sale activities', security } },
    async () => ({
      items: await Promise.all(
        (await mall.flashSales.list()).map((id) => mall.flashSales.view(id)),
      ),
    }),
  );

  app.put<{ Params: { name: string }; Body: { on: boolean } }>(
    '/api/admin/switches/:name',
    {
      // core: flipping a switch is what an operator does when the server is overloaded
      config: guard('core', 'admin'),
      schema: {
        tags: ['admin'],
        summary: 'Flip a degradation switch (on: degraded), on every instance',
        security,
        params: {
          type: 'object',
          properties: { name: { type: 'string', pattern: '^[a-z.-]{1,64}$' } },
          required: ['name'],
        },
        body: {
          type: 'object',
          properties: { on: { type: 'boolean' } },
          required: ['on'],
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      const known = mall.guards.switches.list().some((s) => s.name === request.params.name);
      if (!known)
        return reply.code(404).send({
          error: { code: 'UNKNOWN_SWITCH', message: `no switch "${request.params.name}"` },
        });
      await mall.guards.switches.set(request.params.name, request.body.on);
      return mall.guards.switches.list();
    },
  );
}
