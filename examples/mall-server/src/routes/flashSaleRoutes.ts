import type { FastifyInstance } from 'fastify';
import type { Mall } from '../app/Mall.ts';
import { switchNames } from '../guards/Guards.ts';
import { guard } from '../http/RouteConfig.ts';
import {
  codeSchema,
  errorSchema,
  orderNoSchema,
  quantitySchema,
  skuSchema,
} from '../http/schemas.ts';

const activityParams = {
  type: 'object',
  properties: { activityId: codeSchema },
  required: ['activityId'],
} as const;

/** Flash sales: create (admin), look, buy (service; Redis + Lua on the real stack). */
export function flashSaleRoutes(app: FastifyInstance, mall: Mall): void {
  const { flashSales, guards, metrics } = mall;

  app.post<{ Body: { activityId: string; sku: string; warehouse: string; quantity: number } }>(
    '/api/admin/flash-sales',
    {
      config: guard('normal', 'admin'),
      schema: {
        tags: ['flash sales'],
        summary: 'Set units of a SKU aside for an activity and open it',
        security: [{ bearer: [] }],
        body: {
          type: 'object',
          properties: {
            activityId: codeSchema,
            sku: skuSchema,
            warehouse: codeSchema,
            quantity: quantitySchema,
          },
          required: ['activityId', 'sku', 'warehouse', 'quantity'],
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      await guards.db.execute(() => flashSales.create(request.body));
      return reply.code(201).send(await flashSales.view(request.body.activityId));
    },
  );

  app.post<{ Params: { activityId: string } }>(
    '/api/admin/flash-sales/:activityId/end',
    {
      config: guard('normal', 'admin'),
      schema: {
        tags: ['flash sales'],
        summary:
          'End an activity: stop admitting, write every admitted order, return the unsold units',
        security: [{ bearer: [] }],
        params: activityParams,
        response: { 404: errorSchema },
      },
    },
    async (request) => ({
      activityId: request.params.activityId,
      returned: await flashSales.end(request.params.activityId),
    }),
  );

  app.post<{ Params: { activityId: string } }>(
    '/api/admin/flash-sales/:activityId/reconcile',
    {
      config: guard('normal', 'admin'),
      schema: {
        tags: ['flash sales'],
        summary: 'Set a Redis activity’s counters to what the database allows (after a failover)',
        security: [{ bearer: [] }],
        params: activityParams,
        response: { 400: errorSchema, 404: errorSchema },
      },
    },
    async (request) => flashSales.reconcile(request.params.activityId),
  );

  app.get<{ Params: { activityId: string } }>(
    '/api/flash-sales/:activityId',
    {
      config: guard('normal'),
      schema: {
        tags: ['flash sales'],
        summary: 'An activity and what is left',
        params: activityParams,
        response: { 404: errorSchema },
      },
    },
    async (request) => flashSales.view(request.params.activityId),
  );

  app.post<{
    Params: { activityId: string };
    Body: { orderNo: string; sku: string; quantity: number };
  }>(
    '/api/flash-sales/:activityId/buy',
    {
      config: guard('core', 'service'),
      schema: {
        tags: ['flash sales'],
        summary: 'Buy: admitted or sold out in one Redis script; idempotent on orderNo',
        security: [{ bearer: [] }],
        params: activityParams,
        body: {
          type: 'object',
          properties: {
            orderNo: orderNoSchema,
            sku: skuSchema,
            quantity: { ...quantitySchema, maximum: 100 },
          },
          required: ['orderNo', 'sku', 'quantity'],
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              orderNo: { type: 'string' },
              status: { type: 'string' },
              replayed: { type: 'boolean' },
            },
          },
          409: errorSchema,
        },
      },
    },
    async (request) => {
      try {
        const result = await guards.switches.run(switchNames.flashSaleOff, () =>
          flashSales.buy({ ...request.body, activityId: request.params.activityId }),
        );
        metrics.flashSale.inc({ result: result.status });
        return result;
      } catch (error) {
        metrics.flashSale.inc({ result: (error as { code?: string }).code ?? 'error' });
        throw error;
      }
    },
  );
}
