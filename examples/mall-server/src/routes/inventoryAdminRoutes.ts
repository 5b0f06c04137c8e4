import type { SkuSettings } from '@mallkit/stock';
import type { FastifyInstance } from 'fastify';
import type { Mall } from '../app/Mall.ts';
import { guard } from '../http/RouteConfig.ts';
import {
  codeSchema,
  orderNoSchema,
  quantitySchema,
  skuParams,
  skuSchema,
} from '../http/schemas.ts';

const admin = guard('normal', 'admin');
const security = [{ bearer: [] }];

/** Inventory management: warehouses, SKU strategies, receipts, warehouse sync, alerts. */
export function inventoryAdminRoutes(app: FastifyInstance, mall: Mall): void {
  const { stock, guards } = mall;
  const db = <T>(fn: () => Promise<T>) => guards.db.execute(fn);

  app.get(
    '/api/admin/warehouses',
    { config: admin, schema: { tags: ['admin'], security } },
    async () => ({
      items: await mall.stack.db
        .selectFrom('stock_warehouse')
        .selectAll()
        .orderBy('priority')
        .orderBy('code')
        .execute(),
      split: mall.split.current,
    }),
  );

  app.put<{ Params: { code: string }; Body: { region?: string; priority?: number } }>(
    '/api/admin/warehouses/:code',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Define a warehouse: its region (nearest-warehouse split) and priority',
        security,
        params: { type: 'object', properties: { code: codeSchema }, required: ['code'] },
        body: {
          type: 'object',
          properties: {
            region: codeSchema,
            priority: { type: 'integer', minimum: 0, maximum: 1000 },
          },
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      await db(() => stock.defineWarehouse({ code: request.params.code, ...request.body }));
      return { code: request.params.code, ...request.body };
    },
  );

  app.put<{ Body: { strategy: 'priority' | 'nearest' | 'mostStock'; allowSplit: boolean } }>(
    '/api/admin/split',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary:
          'How orders are split over warehouses: by priority, nearest to the order region, or most stock; every instance applies it within 2 s',
        security,
        body: {
          type: 'object',
          properties: {
            strategy: { type: 'string', enum: ['priority', 'nearest', 'mostStock'] },
            allowSplit: { type: 'boolean' },
          },
          required: ['strategy', 'allowSplit'],
          additionalProperties: false,
        },
      },
    },
    async (request) => db(() => mall.split.set(request.body)),
  );

  app.put<{
    Params: { sku: string };
    Body: {
      shards?: number;
      strategy?: 'conditional' | 'optimistic' | 'lock' | 'combining';
      lowStock?: { threshold: number; clear?: number };
    };
  }>(
    '/api/admin/skus/:sku',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary:
          'Stock settings of a SKU: deduction strategy, hot-row shards, low-stock alert (fields left out keep their values)',
        security,
        params: skuParams,
        body: {
          type: 'object',
          properties: {
            shards: { type: 'integer', minimum: 1, maximum: 64 },
            strategy: { type: 'string', enum: ['conditional', 'optimistic', 'lock', 'combining'] },
            lowStock: {
              type: 'object',
              properties: {
                threshold: { type: 'integer', minimum: 0 },
                clear: { type: 'integer', minimum: 0 },
              },
              required: ['threshold'],
              additionalProperties: false,
            },
          },
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      // a PATCH in effect: what the body leaves out keeps its current value
      const current = await mall.stack.db
        .selectFrom('stock_sku')
        .selectAll()
        .where('sku', '=', request.params.sku)
        .executeTakeFirst();
      const kept: SkuSettings = { sku: request.params.sku };
      if (current !== undefined) {
        kept.shards = Number(current.shards);
        if (current.strategy !== null)
          kept.strategy = current.strategy as NonNullable<SkuSettings['strategy']>;
        if (current.low_threshold !== null) {
          kept.lowStock = {
            threshold: Number(current.low_threshold),
            ...(current.low_clear === null ? {} : { clear: Number(current.low_clear) }),
          };
        }
      }
      const settings: SkuSettings = { ...kept, ...request.body };
      await db(() => stock.defineSku(settings));
      return settings;
    },
  );

  app.get(
    '/api/admin/skus',
    { config: admin, schema: { tags: ['admin'], security } },
    async () => ({
      items: await mall.stack.db
        .selectFrom('stock_sku')
        .selectAll()
        .orderBy('sku')
        .limit(500)
        .execute(),
    }),
  );

  app.post<{ Body: { sku: string; warehouse: string; quantity: number; receiptNo: string } }>(
    '/api/admin/stock/restock',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Goods received (idempotent on receiptNo)',
        security,
        body: {
          type: 'object',
          properties: {
            sku: skuSchema,
            warehouse: codeSchema,
            quantity: quantitySchema,
            receiptNo: orderNoSchema,
          },
          required: ['sku', 'warehouse', 'quantity', 'receiptNo'],
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      await db(() => stock.restock(request.body));
      return (await stock.query([request.body.sku]))[0];
    },
  );

  app.post<{ Body: { skus?: string[] } }>(
    '/api/admin/sync',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Sync counts from the warehouse system now: all SKUs, or the ones given',
        security,
        body: {
          type: 'object',
          properties: {
            skus: { type: 'array', items: skuSchema, minItems: 1, maxItems: mall.config.maxBatch },
          },
          additionalProperties: false,
        },
      },
    },
    async (request) =>
      request.body?.skus === undefined
        ? mall.runFullSync()
        : mall.warehouseSync.syncSkus(request.body.skus),
  );

  app.get(
    '/api/admin/alerts',
    {
      config: admin,
      schema: { tags: ['admin'], summary: 'Low-stock alerts, newest first', security },
    },
    async () => ({
      items: mall.alerts,
    }),
  );
}
