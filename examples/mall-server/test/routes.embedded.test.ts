import { createMall } from '../src/app/createMall.ts';
import { readConfig } from '../src/config/readConfig.ts';
import { routeSuite } from './routeSuite.ts';

routeSuite('embedded', async () => {
  const mall = await createMall(
    readConfig({ PORT: '0', LOG_LEVEL: 'silent', FULL_SYNC_EVERY_MS: '0' }),
  );
  return { mall, close: () => mall.close() };
});
