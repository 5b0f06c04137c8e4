import { expect, it } from 'vitest';
import { eventually } from '../eventually.ts';
import type { RouteContext } from './RouteContext.ts';

/** Stock and order API: deduct, confirm, release, refund, bad input, the feed, flash sales. */
export function orderCases({ call, mall, tag, service, admin }: RouteContext): void {
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
        pad: 'x'.repeat(mall().config.bodyLimit),
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
    const ended = await call({
      method: 'POST',
      url: `/api/admin/flash-sales/${activityId}/end`,
      headers: admin,
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toEqual({ activityId, returned: 0 });
    const view = (await call({ url: `/api/flash-sales/${activityId}` })).json();
    expect(view.lines[0]).toMatchObject({ status: 'ended', sold: 5 });
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
}
