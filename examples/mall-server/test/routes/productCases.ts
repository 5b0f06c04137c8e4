import { expect, it } from 'vitest';
import type { RouteContext } from './RouteContext.ts';

/** Product API: detail, batches, category pages, admin writes. */
export function productCases({ call, mall, service, admin }: RouteContext): void {
  it('serves product detail, 404 for an unknown SKU and 400 for a malformed one', async () => {
    const ok = await call({ url: '/api/products/phone-001' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ sku: 'phone-001', category: 'phones' });
    expect(ok.headers['x-request-id']).toBeTruthy();
    const missing = await call({ url: '/api/products/phone-999' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('UNKNOWN_SKU');
    const malformed = await call({ url: `/api/products/${encodeURIComponent('bad sku!')}` });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('INVALID_REQUEST');
  });

  it('serves cached products while the database breaker is open, and refuses only what needs the database', async () => {
    expect((await call({ url: '/api/products/phone-010' })).statusCode).toBe(200);
    const breaker = mall().guards.db.breaker;
    expect(breaker).toBeDefined();
    const release = breaker?.isolate();
    try {
      const cached = await call({ url: '/api/products/phone-010' });
      expect(cached.statusCode).toBe(200);
      const cold = await call({ url: '/api/products/phone-888' });
      expect(cold.statusCode).toBe(503);
      expect(cold.json().error.code).toBe('CIRCUIT_OPEN');
      expect(cold.headers['retry-after']).toBeUndefined(); // isolated: no end to announce
    } finally {
      release?.();
    }
    expect((await call({ url: '/api/products/phone-888' })).statusCode).toBe(404);
  });

  it('echoes a caller-given request id', async () => {
    const res = await call({
      url: '/api/products/phone-001',
      headers: { 'x-request-id': 'trace-42' },
    });
    expect(res.headers['x-request-id']).toBe('trace-42');
  });

  it('lists products by id in the order asked, naming the missing ones, and refuses oversize batches', async () => {
    const ids = ['toy-003', 'phone-002', 'nope-1', 'laptop-010'];
    const res = await call({ url: `/api/products?ids=${ids.join(',')}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((p: { sku: string }) => p.sku)).toEqual([
      'toy-003',
      'phone-002',
      'laptop-010',
    ]);
    expect(body.missing).toEqual(['nope-1']);
    const hundred = Array.from(
      { length: 100 },
      (_, i) => `home-${String((i % 40) + 1).padStart(3, '0')}`,
    );
    const post = await call({
      method: 'POST',
      url: '/api/products/batch',
      payload: { skus: hundred },
    });
    expect(post.statusCode).toBe(200);
    expect(post.json().items).toHaveLength(100);
    const tooMany = Array.from({ length: mall().config.maxBatch + 1 }, (_, i) => `x-${i}`);
    const big = await call({ url: `/api/products?ids=${tooMany.join(',')}` });
    expect(big.statusCode).toBe(400);
    const bigPost = await call({
      method: 'POST',
      url: '/api/products/batch',
      payload: { skus: tooMany },
    });
    expect(bigPost.statusCode).toBe(400);
  });

  it('pages through a category with a keyset cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const query: string = cursor === null ? '?limit=15' : `?limit=15&cursor=${cursor}`;
      const res = await call({ url: `/api/categories/phones/products${query}` });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      seen.push(...body.items.map((p: { sku: string }) => p.sku));
      cursor = body.next;
      if (cursor === null) break;
    }
    expect(seen).toHaveLength(40);
    expect(new Set(seen).size).toBe(40);
    expect([...seen].sort()).toEqual(seen);
    const categories = await call({ url: '/api/categories' });
    expect(categories.json().items).toContainEqual({ category: 'phones', products: 40 });
  });

  it('guards admin writes with the admin token and updates every tier', async () => {
    const payload = { name: 'Aurora phone 1 Pro', category: 'phones', priceCents: 12_345 };
    const none = await call({ method: 'PUT', url: '/api/admin/products/phone-003', payload });
    expect(none.statusCode).toBe(401);
    const wrong = await call({
      method: 'PUT',
      url: '/api/admin/products/phone-003',
      payload,
      headers: service,
    });
    expect(wrong.statusCode).toBe(403);
    const before = (await call({ url: '/api/products/phone-003' })).json();
    const res = await call({
      method: 'PUT',
      url: '/api/admin/products/phone-003',
      payload,
      headers: admin,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ priceCents: 12_345, version: before.version + 1 });
    expect((await call({ url: '/api/products/phone-003' })).json().priceCents).toBe(12_345);
    const stale = await call({
      method: 'PUT',
      url: '/api/admin/products/phone-003',
      payload: { ...payload, priceCents: 1, expectedVersion: before.version },
      headers: admin,
    });
    expect(stale.statusCode).toBe(409);
    expect((await call({ url: '/api/products/phone-003' })).json().priceCents).toBe(12_345);
    const invalid = await call({
      method: 'PUT',
      url: '/api/admin/products/phone-003',
      payload: { ...payload, priceCents: -5 },
      headers: admin,
    });
    expect(invalid.statusCode).toBe(400);
  });
}
