import { waitFor } from '@mallkit/internal-harness';
import { expect, it } from 'vitest';
import { mapLimited, serviceToken } from '../fixtures/mallProcess.ts';
import { admin, server, stockOf, stockUp } from './deployment.ts';

/** 5,000 concurrent buys over three servers for 100 units sell exactly 100. */
export function flashSaleCase(): void {
  it('a flash sale of 100 units under 5,000 concurrent buys over 3 servers admits exactly 100, and the writers put all 100 in the database', async () => {
    const a = server(0);
    const sku = 'mp-flash-1';
    const warehouse = 'mp-fs';
    const activityId = 'mp-flash';
    await stockUp(a, sku, warehouse, 150);
    const created = await admin(a, 'POST', '/api/admin/flash-sales', {
      activityId,
      sku,
      warehouse,
      quantity: 100,
    });
    expect(created.status).toBe(201);
    expect(created.body.lines).toMatchObject([{ sku, warehouse, allocated: 100, remaining: 100 }]);

    const buyers = 5_000;
    const orderNo = (i: number) => `mp-fs-${i}`;
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: buyers }, (_, i) =>
        server(i % 3).request('POST', `/api/flash-sales/${activityId}/buy`, {
          token: serviceToken,
          body: { orderNo: orderNo(i), sku, quantity: 1 },
        }),
      ),
    );
    const buyMs = performance.now() - started;
    const tally: Record<string, number> = {};
    answers.forEach((answer) => {
      const key = `${answer.status} ${answer.body?.status ?? answer.body?.error?.code}`;
      tally[key] = (tally[key] ?? 0) + 1;
    });
    // No 5xx, no `unconfirmed` (no replicas to wait for): admitted or sold out, nothing else.
    expect(tally).toEqual({ '200 admitted': 100, '409 INSUFFICIENT_STOCK': buyers - 100 });
    const admitted = answers.flatMap((answer, i) =>
      answer.body?.status === 'admitted' ? [orderNo(i)] : [],
    );

    const drainStarted = performance.now();
    await waitFor('the writers to bring every admitted order to the database', 20_000, async () => {
      const view = (await a.request('GET', `/api/flash-sales/${activityId}`)).body;
      return view.pending === 0 && view.lines[0].sold === 100;
    });
    const drainMs = performance.now() - drainStarted;
    for (let i = 0; i < 3; i++) {
      const view = await server(i).request('GET', `/api/flash-sales/${activityId}`);
      expect(view.body).toMatchObject({
        engine: 'redis',
        pending: 0,
        lines: [{ sku, warehouse, allocated: 100, sold: 100, remaining: 0 }],
      });
    }
    const orders = await mapLimited(admitted, 32, (no) =>
      a.request('GET', `/api/orders/${no}`, { token: serviceToken }),
    );
    admitted.forEach((no, i) => {
      expect(orders[i]?.status, no).toBe(200);
      expect(orders[i]?.body).toMatchObject({
        orderNo: no,
        status: 'reserved',
        parts: [{ sku, warehouse, quantity: 1, activityId }],
      });
    });
    // A sample of the refused: none of them is in the database.
    const refused = answers.flatMap((answer, i) => (answer.status === 409 ? [orderNo(i)] : []));
    const sample = refused.filter((_, i) => i % 25 === 0);
    const absent = await mapLimited(sample, 32, (no) =>
      a.request('GET', `/api/orders/${no}`, { token: serviceToken }),
    );
    for (const answer of absent) expect(answer.status).toBe(404);
    // No oversell: the pool is spent on exactly the 100 reservations; the rest is untouched.
    expect(await stockOf(a, sku)).toMatchObject({
      physical: 150,
      reserved: 100,
      activity: 0,
      sellable: 50,
    });
    console.log(
      `multiProcess: ${buyers} buys in ${buyMs.toFixed(0)} ms, ` +
        `all admitted orders in the database ${drainMs.toFixed(0)} ms later`,
    );
  });
}
