import type { StockView } from '@mallkit/stock';
import type { FastifyInstance } from 'fastify';
import type { Mall } from '../app/Mall.ts';
import { switchNames } from '../guards/Guards.ts';
import { guard } from '../http/RouteConfig.ts';
import {
  codeSchema,
  errorSchema,
  orderNoParams,
  orderNoSchema,
  orderOutcomeSchema,
  quantitySchema,
  skuParams,
  skuSchema,
  stockViewSchema,
} from '../http/schemas.ts';

const lineSchema = {
  type: 'object',
  properties: {
    sku: skuSchema,
    quantity: quantitySchema,
    warehouse: codeSchema,
    activityId: codeSchema,
  },
  required: ['sku', 'quantity'],
  additionalProperties: false,
} as const;

const outcomeResponses = {
  200: orderOutcomeSchema,
  400: errorSchema,
  404: errorSchema,
  409: errorSchema,
};

/** Stock API: sellable stock, and the order's deduct → confirm | release → refund. */
export function stockRoutes(app: FastifyInstance, mall: Mall): void {
  const { guards, stock, config } = mall;
  const db = <T>(fn: () => Promise<T>, idempotent = true) => guards.db.execute(fn, { idempotent });

  const fromView = async (skus: string[]): Promise<Array<Partial<StockView> & { sku: string }>> => {
    const rows = await mall.stack.readDb
      .selectFrom('product_stock')
      .select(['sku', 'available'])
      .where('sku', 'in', skus)
      .execute();
    return rows.map((r) => ({ sku: r.sku, sellable: Number(r.available), warehouses: [] }));
  };
  const query = (skus: string[]) =>
    guards.switches.run(
      switchNames.stockFromView,
      () => db(() => stock.query(skus)),
      () => fromView(skus),
    );

  app.post<{ Body: { skus: string[] } }>(
    '/api/stock/query',
    {
      config: guard('normal'),
      schema: {
        tags: ['stock'],
        summary: `Sellable, physical, reserved, safety and activity stock of up to ${config.maxBatch} SKUs`,
        body: {
          type: 'object',
          properties: {
            skus: { type: 'array', items: skuSchema, minItems: 1, maxItems: config.maxBatch },
          },
          required: ['skus'],
          additionalProperties: false,
        },
        response: {
          200: { type: 'object', properties: { items: { type: 'array', items: stockViewSchema } } },
        },
      },
    },
    async (request) => ({ items: await query(request.body.skus) }),
  );

  app.get<{ Params: { sku: string } }>(
    '/api/stock/:sku',
    {
      config: guard('normal'),
      schema: {
        tags: ['stock'],
        summary: 'Stock of one SKU by warehouse',
        params: skuParams,
        response: { 200: stockViewSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const [view] = await query([request.params.sku]);
      return (
        view ??
        reply
          .code(404)
          .send({ error: { code: 'UNKNOWN_SKU', message: `no stock for "${request.params.sku}"` } })
      );
    },
  );

  app.post<{
    Body: {
      orderNo: string;
      lines: Array<{ sku: string; quantity: number; warehouse?: string; activityId?: string }>;
      region?: string;
    };
  }>(
    '/api/orders',
    {
      config: guard('core', 'service'),
      schema: {
        tags: ['orders'],
        summary: 'Deduct at order time: reserves every line or none; idempotent on orderNo',
        security: [{ bearer: [] }],
        body: {
          type: 'object',
          properties: {
            orderNo: orderNoSchema,
            lines: { type: 'array', items: lineSchema, minItems: 1, maxItems: 50 },
            region: codeSchema,
          },
          required: ['orderNo', 'lines'],
          additionalProperties: false,
        },
        response: outcomeResponses,
      },
    },
    async (request) => {
      const { region, ...order } = request.body;
      // idempotent on the order number: a retry after a timeout answers the first outcome
      return db(() => stock.deduct(region === undefined ? order : { ...order, region }));
    },
  );

  app.get<{ Params: { orderNo: string } }>(
    '/api/orders/:orderNo',
    {
      config: guard('normal', 'service'),
      schema: {
        tags: ['orders'],
        security: [{ bearer: [] }],
        params: orderNoParams,
        response: outcomeResponses,
      },
    },
    async (request, reply) => {
      const order = await db(() => stock.getOrder(request.params.orderNo));
      return (
        order ??
        reply.code(404).send({
          error: { code: 'ORDER_NOT_FOUND', message: `no order "${request.params.orderNo}"` },
        })
      );
    },
  );

  for (const action of ['confirm', 'release'] as const) {
    app.post<{ Params: { orderNo: string } }>(
      `/api/orders/:orderNo/${action}`,
      {
        config: guard('core', 'service'),
        schema: {
          tags: ['orders'],
          summary:
            action === 'confirm'
              ? 'Confirm on payment (idempotent)'
              : 'Release on cancel (idempotent)',
          security: [{ bearer: [] }],
          params: orderNoParams,
          response: outcomeResponses,
        },
      },
      async (request) => db(() => stock[action](request.params.orderNo)),
    );
  }

  app.post<{
    Params: { orderNo: string };
    Body: { refundNo: string; lines: Array<{ sku: string; quantity: number }> };
  }>(
    '/api/orders/:orderNo/refunds',
    {
      config: guard('normal', 'service'),
      schema: {
        tags: ['orders'],
        summary: 'Return units of a confirmed order to stock (idempotent on refundNo)',
        security: [{ bearer: [] }],
        params: orderNoParams,
        body: {
          type: 'object',
          properties: {
            refundNo: orderNoSchema,
            lines: {
              type: 'array',
              minItems: 1,
              maxItems: 50,
              items: {
                type: 'object',
                properties: { sku: skuSchema, quantity: quantitySchema },
                required: ['sku', 'quantity'],
                additionalProperties: false,
              },
            },
          },
          required: ['refundNo', 'lines'],
          additionalProperties: false,
        },
        response: outcomeResponses,
      },
    },
    async (request) =>
      db(() =>
        stock.refund({
          orderNo: request.params.orderNo,
          refundNo: request.body.refundNo,
          lines: request.body.lines,
        }),
      ),
  );
}
