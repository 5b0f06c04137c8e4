import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Mall } from '../src/app/Mall.ts';
import { adminCases } from './routes/adminCases.ts';
import { orderCases } from './routes/orderCases.ts';
import { productCases } from './routes/productCases.ts';

export { eventually } from './eventually.ts';

/**
 * The route tests, run against every stack: the real one (Redis Cluster + MariaDB) and
 * the embedded one (SQLite + in-process adapters). `open` builds a seeded server;
 * `more` adds tests of one stack only.
 */
export function routeSuite(
  name: string,
  open: () => Promise<{ mall: Mall; close: () => Promise<void> }>,
  more?: (mall: () => Mall) => void,
) {
  describe(`mall-server routes (${name})`, () => {
    let mall: Mall;
    let close: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      ({ mall, close } = await open());
    }, 120_000);
    afterAll(async () => {
      await close?.();
    });

    const context = {
      call: (options: InjectOptions) => mall.app.inject(options),
      mall: () => mall,
      tag: name.replace(/[^a-z]/g, ''),
      service: { authorization: 'Bearer service-dev-token' },
      admin: { authorization: 'Bearer admin-dev-token' },
    };
    productCases(context);
    orderCases(context);
    adminCases(context);
    more?.(() => mall);
  });
}
