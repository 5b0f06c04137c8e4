import { waitFor } from '@mallkit/internal-harness';
import { expect, it } from 'vitest';
import { type MallProcess, metricValue } from '../fixtures/mallProcess.ts';
import { admin, server } from './deployment.ts';

/** An update through one server reaches the others within one broadcast. */
export function broadcastCase(): void {
  it('an update through one server is served by the others within one broadcast, though they held the old value in L1', async () => {
    const [a, b, c] = [server(0), server(1), server(2)];
    const sku = 'phone-001';
    const read = async (s: MallProcess) => {
      const answer = await s.request('GET', `/api/products/${sku}`);
      expect(answer.status).toBe(200);
      return answer.body as {
        name: string;
        category: string;
        description: string;
        priceCents: number;
        version: number;
      };
    };
    const l1Hits = async (s: MallProcess) =>
      metricValue((await s.request('GET', '/metrics')).body, 'mall_cache_requests', {
        tier: 'l1',
      });

    const old = await read(a);
    for (let round = 0; round < 3; round++) {
      for (const s of [a, b, c]) expect((await read(s)).priceCents).toBe(old.priceCents);
    }
    // B and C hold it in L1: two more reads on each are two more L1 hits, with the old
    // price. (The change feed's refreshes of the seeded rows may still drop the entry from
    // every L1 now and then: polled until both prove it in one round, right before the update.)
    await waitFor('B and C to serve the old price twice from L1', 15_000, async () => {
      const hits = await Promise.all([b, c].map(l1Hits));
      for (const s of [b, c]) {
        for (let i = 0; i < 2; i++) expect((await read(s)).priceCents).toBe(old.priceCents);
      }
      const after = await Promise.all([b, c].map(l1Hits));
      return after.every((n, i) => n === (hits[i] as number) + 2);
    });

    const priceCents = old.priceCents + 1_234;
    const saved = await admin(a, 'PUT', `/api/admin/products/${sku}`, {
      name: old.name,
      category: old.category,
      description: old.description,
      priceCents,
    });
    expect(saved.body).toMatchObject({ sku, priceCents, version: old.version + 1 });
    const started = performance.now();
    // L1 lives 5 s: only the broadcast can make B and C answer the new price within 2 s.
    await Promise.all(
      [b, c].map((s) =>
        waitFor(
          `${s.instance} to serve the new price`,
          2_000,
          async () => (await read(s)).priceCents === priceCents,
          10,
        ),
      ),
    );
    const visibleMs = performance.now() - started;
    for (const s of [a, b, c]) {
      expect(await read(s)).toMatchObject({ priceCents, version: old.version + 1 });
    }
    console.log(
      `multiProcess: the new price was served by B and C after ${visibleMs.toFixed(0)} ms`,
    );
  });
}
