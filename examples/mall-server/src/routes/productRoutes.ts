import { DegradedError } from '@mallkit/resilience';
import type { FastifyInstance } from 'fastify';
import type { Mall } from '../app/Mall.ts';
import type { Product } from '../catalog/Product.ts';
import { switchNames } from '../guards/Guards.ts';
import { guard } from '../http/RouteConfig.ts';
import { codeSchema, errorSchema, productSchema, skuParams, skuSchema } from '../http/schemas.ts';

const notFound = (sku: string) => ({
  error: { code: 'UNKNOWN_SKU', message: `no product "${sku}"` },
});

/** Product API: detail, batched lists, category pages, admin writes. */
export function productRoutes(app: FastifyInstance, mall: Mall): void {
  const { guards, products, config } = mall;
  const cacheOnly = () => guards.switches.isOn(switchNames.productCacheOnly);
  const detail = (sku: string): Promise<Product | undefined> =>
    cacheOnly()
      ? mall.productCache.get(sku).then((p) => {
          if (p === undefined) throw new DegradedError(switchNames.productCacheOnly);
          return p;
        })
      : products.get(sku);
  const many = (skus: string[]): Promise<Array<Product | undefined>> =>
    cacheOnly() ? mall.productCache.getMany(skus) : products.getMany(skus);

  app.get<{ Params: { sku: string } }>(
    '/api/products/:sku',
    {
      config: guard('core'),
      schema: {
        tags: ['products'],
        summary: 'Product detail (L1 → L2 → database)',
        params: skuParams,
        response: { 200: productSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const product = await detail(request.params.sku);
      return product ?? reply.code(404).send(notFound(request.params.sku));
    },
  );

  const batchSchema = {
    tags: ['products'],
    response: {
      200: {
        type: 'object',
        properties: {
          items: { type: 'array', items: productSchema },
          missing: { type: 'array', items: { type: 'string' } },
        },
      },
      400: errorSchema,
    },
  };
  const batch = async (skus: string[]) => {
    const found = await many(skus);
    return {
      items: found.filter((p): p is Product => p !== undefined),
      missing: skus.filter((_sku, i) => found[i] === undefined),
    };
  };
  app.get<{ Querystring: { ids: string } }>(
    '/api/products',
    {
      config: guard('normal'),
      schema: {
        ...batchSchema,
        summary: `Products by id: ?ids=a,b,c (at most ${config.maxBatch}; one batched cache read)`,
        querystring: {
          type: 'object',
          properties: {
            ids: {
              type: 'string',
              pattern: '^[A-Za-z0-9._:,-]+$',
              maxLength: config.maxBatch * 65,
            },
          },
          required: ['ids'],
        },
      },
    },
    async (request, reply) => {
      const skus = request.query.ids.split(',').filter((s) => s !== '');
      if (skus.length > config.maxBatch) {
        return reply.code(400).send({
          error: {
            code: 'BATCH_TOO_LARGE',
            message: `at most ${config.maxBatch} ids per request, got ${skus.length}`,
          },
        });
      }
      return batch(skus);
    },
  );
  app.post<{ Body: { skus: string[] } }>(
    '/api/products/batch',
    {
      config: guard('normal'),
      schema: {
        ...batchSchema,
        summary: `Products by id in a JSON body (at most ${config.maxBatch})`,
        body: {
          type: 'object',
          properties: {
            skus: { type: 'array', items: skuSchema, minItems: 1, maxItems: config.maxBatch },
          },
          required: ['skus'],
          additionalProperties: false,
        },
      },
    },
    async (request) => batch(request.body.skus),
  );

  app.get(
    '/api/categories',
    {
      config: guard('background'),
      schema: { tags: ['products'], summary: 'Categories with their product counts' },
    },
    async () => ({
      items: await guards.switches.run(
        switchNames.listingOff,
        () => guards.db.execute(() => mall.catalog.categories(), { idempotent: true }),
        [],
      ),
    }),
  );

  app.get<{ Params: { category: string }; Querystring: { limit?: number; cursor?: string } }>(
    '/api/categories/:category/products',
    {
      config: guard('normal'),
      schema: {
        tags: ['products'],
        summary:
          'One page of a category, in SKU order (keyset pagination: pass `next` as `cursor`)',
        params: { type: 'object', properties: { category: codeSchema }, required: ['category'] },
        querystring: {
          type: 'object',
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
            cursor: skuSchema,
          },
        },
      },
    },
    async (request) => {
      const { category } = request.params;
      const limit = request.query.limit ?? 20;
      return guards.switches.run(
        switchNames.listingOff,
        async () => {
          const items = await guards.db.execute(
            () => mall.catalog.listCategory(category, limit, request.query.cursor),
            { idempotent: true },
          );
          return {
            items,
            next: items.length === limit ? (items.at(-1)?.sku ?? null) : null,
            degraded: false,
          };
        },
        { items: [], next: null, degraded: true },
      );
    },
  );

  app.put<{
    Params: { sku: string };
    Body: {
      name: string;
      category: string;
      priceCents: number;
      description?: string;
      expectedVersion?: number;
    };
  }>(
    '/api/admin/products/:sku',
    {
      config: guard('normal', 'admin'),
      schema: {
        tags: ['admin'],
        summary: 'Create or update a product: database first, then the caches of every instance',
        security: [{ bearer: [] }],
        params: skuParams,
        body: {
          type: 'object',
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 200 },
            category: codeSchema,
            priceCents: { type: 'integer', minimum: 0, maximum: 100_000_000 },
            description: { type: 'string', maxLength: 2000 },
            expectedVersion: { type: 'integer', minimum: 1 },
          },
          required: ['name', 'category', 'priceCents'],
          additionalProperties: false,
        },
        response: { 200: productSchema, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const { expectedVersion, ...fields } = request.body;
      const saved = await guards.switches.run(switchNames.catalogReadOnly, () =>
        guards.db.execute(() =>
          products.save({ sku: request.params.sku, ...fields }, expectedVersion),
        ),
      );
      if (saved === undefined) {
        return reply.code(409).send({
          error: {
            code: 'VERSION_CONFLICT',
            message: `product "${request.params.sku}" is not at version ${expectedVersion}`,
          },
        });
      }
      return saved;
    },
  );
}
