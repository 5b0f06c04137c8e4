import { expect, it } from 'vitest';
import type { RouteContext } from './RouteContext.ts';

/** Switches, warehouse sync, SKU and split settings, health, metrics and docs. */
export function adminCases({ call, mall, tag, service, admin }: RouteContext): void {
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
    const wms = mall().wms;
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
      expect((await call({ url: '/api/admin/warehouses', headers: admin })).json().split).toEqual({
        strategy: 'mostStock',
        allowSplit: false,
      });
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
    expect(overview.json().switches.map((s: { name: string }) => s.name)).toContain('listing.off');
  });
}
