import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mall } from '../src/app/Mall.ts';

const service = { authorization: 'Bearer service-dev-token' };
const admin = { authorization: 'Bearer admin-dev-token' };

/** Polls `check` until it returns without throwing, or fails with its last error at the deadline. */
export async function eventually(check: () => Promise<void>, deadlineMs = 10_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/**
 * The route tests, run against every stack: the real one (Redis Cluster + MariaDB) and
 * the embedded one (SQLite + in-process adapters). `open` builds a seeded server.
 */
export function routeSuite(
  name: string,
  open: () => Promise<{ mall: Mall; close: () => Promise<void> }>,
  more?: (mall: () => Mall) => void,
) {
  describe(`mall-server routes (${name})`, () => {
    const tag = name.replace(/[^a-z]/g, '');
    let mall: Mall;
    let close: () => Promise<void>;
    const call = (options: InjectOptions) => mall.app.inject(options);

    beforeAll(async () => {
      ({ mall, close } = await open());
    }, 120_000);
    afterAll(async () => {
      await close?.();
    });

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
      const tooMany = Array.from({ length: mall.config.maxBatch + 1 }, (_, i) => `x-${i}`);
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

    it('deducts idempotently, confirms, releases and refunds', async () => {
      const [view] = (
        await call({ method: 'POST', url: '/api/stock/query', payload: { skus: ['audio-005'] } })
      ).json().items;
      const order = { orderNo: `${tag}-o1`, lines: [{ sku: 'audio-005', quantity: 3 }] };
      const unauth = await call({ method: 'POST', url: '/api/orders', payload: order });
      expect(unauth.statusCode).toBe(401);
      const first = await call({
        method: 'POST',
        url: '/api/orders',
        payload: order,
        headers: service,
      });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ status: 'reserved', replayed: false });
      const again = await call({
        method: 'POST',
        url: '/api/orders',
        payload: order,
        headers: service,
      });
      expect(again.json()).toMatchObject({ status: 'reserved', replayed: true });
      const conflict = await call({
        method: 'POST',
        url: '/api/orders',
        payload: { ...order, lines: [{ sku: 'audio-005', quantity: 4 }] },
        headers: service,
      });
      expect(conflict.statusCode).toBe(409);
      expect(conflict.json().error.code).toBe('ORDER_CONFLICT');
      const [after] = (
        await call({ method: 'POST', url: '/api/stock/query', payload: { skus: ['audio-005'] } })
      ).json().items;
      expect(after.sellable).toBe(view.sellable - 3);
      expect(after.reserved).toBe(view.reserved + 3);

      const confirmed = await call({
        method: 'POST',
        url: `/api/orders/${order.orderNo}/confirm`,
        headers: service,
      });
      expect(confirmed.json().status).toBe('confirmed');
      const refund = await call({
        method: 'POST',
        url: `/api/orders/${order.orderNo}/refunds`,
        payload: { refundNo: `${tag}-r1`, lines: [{ sku: 'audio-005', quantity: 1 }] },
        headers: service,
      });
      expect(refund.statusCode).toBe(200);

      const other = { orderNo: `${tag}-o2`, lines: [{ sku: 'audio-005', quantity: 2 }] };
      await call({ method: 'POST', url: '/api/orders', payload: other, headers: service });
      const released = await call({
        method: 'POST',
        url: `/api/orders/${other.orderNo}/release`,
        headers: service,
      });
      expect(released.json().status).toBe('released');
      const late = await call({
        method: 'POST',
        url: `/api/orders/${other.orderNo}/confirm`,
        headers: service,
      });
      expect(late.statusCode).toBe(409);
      const [end] = (
        await call({ method: 'POST', url: '/api/stock/query', payload: { skus: ['audio-005'] } })
      ).json().items;
      expect(end.reserved).toBe(view.reserved);
      expect(end.physical).toBe(view.physical - 3 + 1);
    });

    it('refuses bad orders with a typed error and changes nothing', async () => {
      const [view] = (
        await call({ method: 'POST', url: '/api/stock/query', payload: { skus: ['audio-006'] } })
      ).json().items;
      const bad = [
        { orderNo: `${tag}-b1`, lines: [{ sku: 'audio-006', quantity: -1 }] },
        { orderNo: `${tag}-b2`, lines: [{ sku: 'audio-006', quantity: 1.5 }] },
        { orderNo: `${tag}-b3`, lines: [] },
        { orderNo: 'bad order no', lines: [{ sku: 'audio-006', quantity: 1 }] },
        {
          orderNo: `${tag}-b4`,
          lines: Array.from({ length: 51 }, () => ({ sku: 'audio-006', quantity: 1 })),
        },
      ];
      for (const payload of bad) {
        const res = await call({ method: 'POST', url: '/api/orders', payload, headers: service });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('INVALID_REQUEST');
        expect(res.body).not.toContain('at ');
      }
      const unknown = await call({
        method: 'POST',
        url: '/api/orders',
        payload: {
          orderNo: `${tag}-b5`,
          lines: [
            { sku: 'audio-006', quantity: 1 },
            { sku: 'nope-9', quantity: 1 },
          ],
        },
        headers: service,
      });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.code).toBe('UNKNOWN_SKU');
      const short = await call({
        method: 'POST',
        url: '/api/orders',
        payload: {
          orderNo: `${tag}-b6`,
          lines: [
            { sku: 'audio-006', quantity: 1 },
            { sku: 'audio-007', quantity: 9_999 },
          ],
        },
        headers: service,
      });
      expect(short.statusCode).toBe(409);
      expect(short.json().error.code).toBe('INSUFFICIENT_STOCK');
      const [after] = (
        await call({ method: 'POST', url: '/api/stock/query', payload: { skus: ['audio-006'] } })
      ).json().items;
      expect(after).toEqual(view);
      const huge = await call({
        method: 'POST',
        url: '/api/orders',
        headers: { ...service, 'content-type': 'application/json' },
        payload: JSON.stringify({
          orderNo: `${tag}-b7`,
          lines: [],
          pad: 'x'.repeat(mall.config.bodyLimit),
        }),
      });
      expect(huge.statusCode).toBe(413);
    });

    it('carries stock changes to the product system view through the change feed', async () => {
      const before = (await call({ url: '/api/products/home-010' })).json().available;
      const res = await call({
        method: 'POST',
        url: '/api/orders',
        payload: { orderNo: `${tag}-feed-1`, lines: [{ sku: 'home-010', quantity: 4 }] },
        headers: service,
      });
      expect(res.statusCode).toBe(200);
      await eventually(async () => {
        expect((await call({ url: '/api/products/home-010' })).json().available).toBe(before - 4);
      });
    });

    it('sells a flash-sale activity exactly to its allocation', async () => {
      const activityId = `${tag}-fs1`;
      const stock = (await call({ url: '/api/stock/laptop-002' })).json();
      const warehouse = stock.warehouses.find(
        (w: { sellable: number }) => w.sellable >= 5,
      )?.warehouse;
      const created = await call({
        method: 'POST',
        url: '/api/admin/flash-sales',
        payload: { activityId, sku: 'laptop-002', warehouse, quantity: 5 },
        headers: admin,
      });
      expect(created.statusCode).toBe(201);
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          call({
            method: 'POST',
            url: `/api/flash-sales/${activityId}/buy`,
            payload: { orderNo: `${activityId}-${i}`, sku: 'laptop-002', quantity: 1 },
            headers: service,
          }),
        ),
      );
      const ok = results.filter((r) => r.statusCode === 200);
      expect(ok).toHaveLength(5);
      expect(results.filter((r) => r.statusCode === 409)).toHaveLength(7);
      const replay = await call({
        method: 'POST',
        url: `/api/flash-sales/${activityId}/buy`,
        payload: { orderNo: ok[0]?.json().orderNo, sku: 'laptop-002', quantity: 1 },
        headers: service,
      });
      expect(replay.json().replayed).toBe(true);
      await eventually(async () => {
        const view = (await call({ url: `/api/flash-sales/${activityId}` })).json();
        expect(view.pending).toBe(0);
        expect(view.lines[0]).toMatchObject({ allocated: 5, sold: 5 });
      });
      await call({
        method: 'PUT',
        url: '/api/admin/switches/flashsale.off',
        payload: { on: true },
        headers: admin,
      });
      const off = await call({
        method: 'POST',
        url: `/api/flash-sales/${activityId}/buy`,
        payload: { orderNo: `${activityId}-off`, sku: 'laptop-002', quantity: 1 },
        headers: service,
      });
      await call({
        method: 'PUT',
        url: '/api/admin/switches/flashsale.off',
        payload: { on: false },
        headers: admin,
      });
      expect(off.statusCode).toBe(503);
      expect(off.json().error.code).toBe('DEGRADED');
    });

    it('degrades by switch: listing off, stock from the product system view', async () => {
      const on = await call({
        method: 'PUT',
        url: '/api/admin/switches/listing.off',
        payload: { on: true },
        headers: admin,
      });
      expect(on.statusCode).toBe(200);
      const page = (await call({ url: '/api/categories/toys/products' })).json();
      expect(page).toEqual({ items: [], next: null, degraded: true });
      await call({
        method: 'PUT',
        url: '/api/admin/switches/listing.off',
        payload: { on: false },
        headers: admin,
      });
      expect(
        (await call({ url: '/api/categories/toys/products' })).json().items.length,
      ).toBeGreaterThan(0);

      const unknown = await call({
        method: 'PUT',
        url: '/api/admin/switches/no.such',
        payload: { on: true },
        headers: admin,
      });
      expect(unknown.statusCode).toBe(404);

      await call({
        method: 'PUT',
        url: '/api/admin/switches/stock.query-from-view',
        payload: { on: true },
        headers: admin,
      });
      const fromView = (
        await call({ method: 'POST', url: '/api/stock/query', payload: { skus: ['toy-004'] } })
      ).json();
      await call({
        method: 'PUT',
        url: '/api/admin/switches/stock.query-from-view',
        payload: { on: false },
        headers: admin,
      });
      const live = (
        await call({ method: 'POST', url: '/api/stock/query', payload: { skus: ['toy-004'] } })
      ).json();
      expect(fromView.items[0].sellable).toBe(live.items[0].sellable);
      expect(fromView.items[0].warehouses).toEqual([]);
      expect(live.items[0].warehouses.length).toBeGreaterThan(0);
    });

    it('syncs counts from the warehouse system and raises low-stock alerts', async () => {
      const wms = mall.wms;
      expect(wms).toBeDefined();
      // every warehouse of toy-020 counts 2 units: below its alert threshold of 10
      for (const count of wms?.counts().filter((c) => c.sku === 'toy-020') ?? [])
        wms?.set({ ...count, physical: 2 });
      const report = (
        await call({ method: 'POST', url: '/api/admin/sync', payload: {}, headers: admin })
      ).json();
      expect(report.kind).toBe('full');
      expect(report.changed).toContainEqual(expect.objectContaining({ sku: 'toy-020', to: 2 }));
      const alerts = (await call({ url: '/api/admin/alerts', headers: admin })).json().items;
      expect(
        alerts.some((a: { sku: string; cleared: boolean }) => a.sku === 'toy-020' && !a.cleared),
      ).toBe(true);
      const again = (
        await call({ method: 'POST', url: '/api/admin/sync', payload: {}, headers: admin })
      ).json();
      expect(again.changed).toEqual([]);
    });

    it('changes a SKU strategy and keeps the settings left out', async () => {
      const res = await call({
        method: 'PUT',
        url: '/api/admin/skus/phone-001',
        payload: { strategy: 'lock' },
        headers: admin,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        sku: 'phone-001',
        shards: 4,
        strategy: 'lock',
        lowStock: { threshold: 10, clear: 20 },
      });
      const order = await call({
        method: 'POST',
        url: '/api/orders',
        payload: { orderNo: `${tag}-lock-1`, lines: [{ sku: 'phone-001', quantity: 1 }] },
        headers: service,
      });
      expect(order.json()).toMatchObject({ status: 'reserved', strategy: 'lock' });
    });

    it('splits an order over warehouses when one cannot serve it, by warehouse priority', async () => {
      const setup = (await call({ url: '/api/admin/warehouses', headers: admin })).json();
      expect(setup.split).toEqual({ strategy: 'priority', allowSplit: true });
      const priority = new Map<string, number>(
        setup.items.map((w: { code: string; priority: number }) => [w.code, w.priority]),
      );
      const { warehouses } = (await call({ url: '/api/stock/laptop-030' })).json();
      const [first, second] = [...warehouses].sort(
        (a, b) => Number(priority.get(a.warehouse)) - Number(priority.get(b.warehouse)),
      );
      // one unit more than the first warehouse by priority holds: the rest from the next
      const order = await call({
        method: 'POST',
        url: '/api/orders',
        payload: {
          orderNo: `${tag}-split-1`,
          lines: [{ sku: 'laptop-030', quantity: first.sellable + 1 }],
        },
        headers: service,
      });
      expect(order.statusCode).toBe(200);
      const parts = order
        .json()
        .parts.map((p: { warehouse: string; quantity: number }) => [p.warehouse, p.quantity]);
      expect(parts.sort()).toEqual(
        [
          [first.warehouse, first.sellable],
          [second.warehouse, 1],
        ].sort(),
      );
      expect(order.json().shippingWarehouse).toBe(first.warehouse);
    });

    it('changes the split strategy at runtime', async () => {
      const bad = await call({
        method: 'PUT',
        url: '/api/admin/split',
        payload: { strategy: 'cheapest', allowSplit: true },
        headers: admin,
      });
      expect(bad.statusCode).toBe(400);
      const set = await call({
        method: 'PUT',
        url: '/api/admin/split',
        payload: { strategy: 'mostStock', allowSplit: false },
        headers: admin,
      });
      expect(set.json()).toEqual({ strategy: 'mostStock', allowSplit: false });
      try {
        expect((await call({ url: '/api/admin/warehouses', headers: admin })).json().split).toEqual(
          {
            strategy: 'mostStock',
            allowSplit: false,
          },
        );
        const { warehouses } = (await call({ url: '/api/stock/laptop-031' })).json();
        const most = [...warehouses].sort((a, b) => b.sellable - a.sellable)[0];
        const order = await call({
          method: 'POST',
          url: '/api/orders',
          payload: { orderNo: `${tag}-most-1`, lines: [{ sku: 'laptop-031', quantity: 2 }] },
          headers: service,
        });
        expect(
          order
            .json()
            .parts.map((p: { warehouse: string; quantity: number }) => [p.warehouse, p.quantity]),
        ).toEqual([[most.warehouse, 2]]);
        const tooBig = await call({
          method: 'POST',
          url: '/api/orders',
          payload: {
            orderNo: `${tag}-most-2`,
            lines: [{ sku: 'laptop-031', quantity: most.sellable - 2 + 1 }],
          },
          headers: service,
        });
        expect(tooBig.statusCode).toBe(409);
      } finally {
        await call({
          method: 'PUT',
          url: '/api/admin/split',
          payload: { strategy: 'priority', allowSplit: true },
          headers: admin,
        });
      }
    });

    it('reports health, readiness, metrics and the OpenAPI document', async () => {
      expect((await call({ url: '/health' })).json()).toMatchObject({ status: 'ok' });
      const ready = await call({ url: '/ready' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toMatchObject({ ready: true, redis: true, db: true });
      const metrics = (await call({ url: '/metrics' })).body;
      for (const name of [
        'mall_cache_hit_ratio',
        'mall_breaker_state',
        'mall_stock_deductions_total',
        'mall_sync_lag_seconds',
        'mall_http_request_duration_seconds',
        'mall_switch_on',
      ]) {
        expect(metrics).toContain(name);
      }
      const docs = (await call({ url: '/docs/json' })).json();
      expect(Object.keys(docs.paths)).toEqual(
        expect.arrayContaining([
          '/api/products/{sku}',
          '/api/orders',
          '/api/flash-sales/{activityId}/buy',
        ]),
      );
      const overview = await call({ url: '/api/admin/overview', headers: admin });
      expect(overview.statusCode).toBe(200);
      expect(overview.json().switches.map((s: { name: string }) => s.name)).toContain(
        'listing.off',
      );
    });
    more?.(() => mall);
  });
}
