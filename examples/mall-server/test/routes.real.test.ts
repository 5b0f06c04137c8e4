import { TestDatabase } from '@mallkit/internal-harness';
import { harness } from '@mallkit/internal-harness/vitest';
import { expect, it } from 'vitest';
import { createMall } from '../src/app/createMall.ts';
import { readConfig } from '../src/config/readConfig.ts';
import { eventually, routeSuite } from './routeSuite.ts';

routeSuite(
  'redis cluster + mariadb',
  async () => {
    const { cluster, mysql } = harness();
    const database = await TestDatabase.create(mysql.serverUrl, 'mall_routes');
    const mall = await createMall(
      readConfig({
        PORT: '0',
        LOG_LEVEL: 'silent',
        FULL_SYNC_EVERY_MS: '0',
        REDIS_URL: `redis+cluster://${cluster.seeds.map((s) => `${s.host}:${s.port}`).join(',')}`,
        MYSQL_URL: database.url,
        REDIS_PREFIX: `mall-routes-${process.pid}:`,
        SEED_DEMO: '1',
        WMS_SIMULATOR: '1',
      }),
    );
    return {
      mall,
      close: async () => {
        await mall.close();
        await database.drop();
      },
    };
  },
  (mall) => {
    it('announces product writes through the outbox, in the write transaction', async () => {
      const relay = mall().outboxRelay;
      expect(relay).toBeDefined();
      const before = relay?.status().published ?? 0;
      const handled = mall().consumer.stats().handled;
      const res = await mall().app.inject({
        method: 'PUT',
        url: '/api/admin/products/home-020',
        payload: { name: 'Outboxed', category: 'home', priceCents: 777 },
        headers: { authorization: 'Bearer admin-dev-token' },
      });
      expect(res.statusCode).toBe(200);
      await eventually(async () => {
        expect(relay?.status().published ?? 0).toBeGreaterThan(before);
        expect(mall().consumer.stats().handled).toBeGreaterThan(handled);
        const left = await mall()
          .stack.db.selectFrom('mall_outbox' as never)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(Number(left.n)).toBe(0);
      });
    });
  },
);
