/** JSON schemas shared by the routes (fastify validates every request with them). */
export const skuSchema = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$' } as const;
export const orderNoSchema = {
  type: 'string',
  pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$',
} as const;
export const codeSchema = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$' } as const;
/** Route params of one SKU (`/…/:sku`). */
export const skuParams = {
  type: 'object',
  properties: { sku: skuSchema },
  required: ['sku'],
} as const;
/** Route params of one order (`/…/:orderNo`). */
export const orderNoParams = {
  type: 'object',
  properties: { orderNo: orderNoSchema },
  required: ['orderNo'],
} as const;
export const quantitySchema = { type: 'integer', minimum: 1, maximum: 1_000_000 } as const;

export const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' } },
      required: ['code', 'message'],
    },
  },
} as const;

export const productSchema = {
  type: 'object',
  properties: {
    sku: { type: 'string' },
    name: { type: 'string' },
    category: { type: 'string' },
    priceCents: { type: 'integer' },
    description: { type: 'string' },
    available: { type: 'integer' },
    version: { type: 'integer' },
    updatedAt: { type: 'integer' },
  },
} as const;

export const warehouseStockSchema = {
  type: 'object',
  properties: {
    warehouse: { type: 'string' },
    physical: { type: 'integer' },
    reserved: { type: 'integer' },
    safety: { type: 'integer' },
    activity: { type: 'integer' },
    sellable: { type: 'integer' },
  },
} as const;

export const stockViewSchema = {
  type: 'object',
  properties: {
    sku: { type: 'string' },
    physical: { type: 'integer' },
    reserved: { type: 'integer' },
    safety: { type: 'integer' },
    activity: { type: 'integer' },
    sellable: { type: 'integer' },
    warehouses: { type: 'array', items: warehouseStockSchema },
  },
} as const;

export const orderOutcomeSchema = {
  type: 'object',
  properties: {
    orderNo: { type: 'string' },
    status: { type: 'string' },
    strategy: { type: 'string' },
    shippingWarehouse: { type: 'string' },
    expiresAt: { type: ['integer', 'null'] },
    replayed: { type: 'boolean' },
    parts: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          sku: { type: 'string' },
          warehouse: { type: 'string' },
          quantity: { type: 'integer' },
          refunded: { type: 'integer' },
          activityId: { type: 'string' },
        },
      },
    },
  },
} as const;
