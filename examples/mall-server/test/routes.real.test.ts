import { TestDatabase } from '@mallkit/internal-harness';
import { harness } from '@mallkit/internal-harness/vitest';
import { createMall } from '../src/app/createMall.ts';
import { readConfig } from '../src/config/readConfig.ts';
import { routeSuite } from './routeSuite.ts';

routeSuite('redis cluster + mariadb', async () => {
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
});
