import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { createCache, HotKeyDetector } from '@mallkit/cache';
import { ReservationSweeper, StockService } from '@mallkit/stock';
import { HttpWarehouseSystem, type SyncReport, SyncScheduler, WarehouseSync } from '@mallkit/sync';
import { createOutboxTable } from '@mallkit/sync/mysql';
import fastify from 'fastify';
import { CompiledQuery } from 'kysely';
import { migrateCatalog } from '../catalog/migrateCatalog.ts';
import type { Product } from '../catalog/Product.ts';
import { ProductRepository } from '../catalog/ProductRepository.ts';
import { ProductService } from '../catalog/ProductService.ts';
import type { MallConfig } from '../config/MallConfig.ts';
import { BinlogLeader } from '../feed/BinlogLeader.ts';
import { ChangeFeed } from '../feed/ChangeFeed.ts';
import {
  productOutboxHook,
  productOutboxTable,
  startProductOutbox,
} from '../feed/productOutbox.ts';
import { startFeedConsumer } from '../feed/startFeedConsumer.ts';
import { FlashSales } from '../flashsale/FlashSales.ts';
import { createGuards } from '../guards/Guards.ts';
import { installHooks } from '../http/installHooks.ts';
import { MallMetrics } from '../observability/MallMetrics.ts';
import { Telemetry } from '../observability/Telemetry.ts';
import { consoleRoutes } from '../routes/consoleRoutes.ts';
import { flashSaleRoutes } from '../routes/flashSaleRoutes.ts';
import { inventoryAdminRoutes } from '../routes/inventoryAdminRoutes.ts';
import { opsRoutes } from '../routes/opsRoutes.ts';
import { productRoutes } from '../routes/productRoutes.ts';
import { stockRoutes } from '../routes/stockRoutes.ts';
import { SplitSetting } from '../settings/SplitSetting.ts';
import type { MallStack } from '../stack/MallStack.ts';
import { openEmbeddedStack } from '../stack/openEmbeddedStack.ts';
import { openRealStack } from '../stack/openRealStack.ts';
import { WmsSimulator } from '../wms/WmsSimulator.ts';
import type { LowStockAlert, Mall } from './Mall.ts';
import { seedDemo } from './seedDemo.ts';
import { shutdownStep } from './shutdownStep.ts';

/** What `createMall` may be given besides the configuration (tests pass their own stack). */
export interface CreateMallOptions {
  /** The adapters; by default opened from the configuration. */
  stack?: MallStack;
}

/**
 * Composes the packages into the product and inventory system: opens the stack, migrates,
 * builds the caches, the inventory, the change feed and its consumer, flash sales,
 * warehouse sync, guards and metrics, and the HTTP app with every route.
 */
export async function createMall(
  config: MallConfig,
  options: CreateMallOptions = {},
): Promise<Mall> {
  const stack =
    options.stack ??
    (config.redisUrl !== undefined && config.mysqlUrl !== undefined
      ? openRealStack({ ...config, redisUrl: config.redisUrl, mysqlUrl: config.mysqlUrl })
      : openEmbeddedStack(config));
  await migrateCatalog(stack.db);
  if (stack.outboxPool !== undefined) await createOutboxTable(stack.outboxPool, productOutboxTable);

  const guards = createGuards(config, stack.switchBus);
  const hotKeys = new HotKeyDetector({ promotionTtlMs: 10_000 });
  const productCache = createCache<Product>({
    namespace: `${config.redisPrefix}product`,
    l2: stack.l2,
    broadcast: { bus: stack.bus },
    ttlMs: 60_000,
    l1: { ttlMs: 5_000 },
    graceMs: 10 * 60_000,
    hotKeys,
    policy: guards.l2,
  });
  const stock = new StockService({
    db: stack.db,
    reservationTtlMs: config.reservationTtlMs,
    lock: { provider: stack.locks, keyPrefix: `${config.redisPrefix}lock:` },
    limits: { maxLines: 50 },
  });
  const split = new SplitSetting({
    db: stack.db,
    stock,
    initial: { strategy: config.splitStrategy, allowSplit: config.allowSplit },
  });
  const feed = new ChangeFeed({
    db: stack.db,
    transport: stack.transport,
    source: config.instance,
  });
  const catalog = new ProductRepository(stack.readDb);
  const products = new ProductService({
    cache: productCache,
    reads: catalog,
    primary: new ProductRepository(stack.db),
    feed,
    now: Date.now,
    guard: (read) => guards.db.execute(read, { idempotent: true }),
    onCacheWriteFailed: (sku, error) =>
      app.log.warn(
        { sku, err: error },
        'product saved; the cache could not take it (Redis failed): the change feed invalidates it',
      ),
    ...(stack.outboxPool === undefined ? {} : { outbox: productOutboxHook }),
  });

  const alerts: LowStockAlert[] = [];
  let deductions = 0;
  const announce = (skus: Iterable<string>) => {
    if (config.cdcSource === 'binlog') return; // the binlog carries them
    feed.stock(skus).then(
      () => metrics.feedEvents.inc({ result: 'published' }),
      () => metrics.feedEvents.inc({ result: 'failed' }),
    );
  };
  const skusOf = async (orderNo: string) =>
    (await stock.getOrder(orderNo))?.parts.map((p) => p.sku) ?? [];
  stock.events.on('deducted', ({ outcome }) => {
    deductions++;
    metrics.deductions.inc({ result: outcome.replayed ? 'replayed' : 'deducted' });
    if (!outcome.replayed) announce(outcome.parts.map((p) => p.sku));
  });
  stock.events.on('rejected', ({ code }) => metrics.deductions.inc({ result: code }));
  for (const event of ['confirmed', 'released', 'refunded'] as const) {
    stock.events.on(event, ({ orderNo }) => {
      skusOf(orderNo).then(announce, () => undefined);
    });
  }
  stock.events.on('restocked', ({ sku }) => announce([sku]));
  const binlog =
    config.cdcSource === 'binlog' && stack.outboxPool !== undefined && config.mysqlUrl !== undefined
      ? new BinlogLeader({
          url: config.mysqlUrl,
          pool: stack.outboxPool,
          database: new URL(config.mysqlUrl).pathname.slice(1),
          transport: stack.transport,
          leases: stack.leases,
          leaseName: `${config.redisPrefix}binlog`,
        })
      : undefined;
  stock.events.on('lowStock', ({ sku, sellable, threshold }) => {
    metrics.lowStock.inc({ state: 'raised' });
    alerts.unshift({ sku, sellable, threshold, at: Date.now(), cleared: false });
    alerts.length = Math.min(alerts.length, 200);
  });
  stock.events.on('lowStockCleared', ({ sku, sellable, clear }) => {
    metrics.lowStock.inc({ state: 'cleared' });
    alerts.unshift({ sku, sellable, threshold: clear, at: Date.now(), cleared: true });
    alerts.length = Math.min(alerts.length, 200);
  });

  const sql = {
    execute: (text: string, params: Array<string | number>) =>
      stack.db.executeQuery(CompiledQuery.raw(text, params)),
  };
  const consumer = await startFeedConsumer({
    transport: stack.transport,
    dedup: stack.dedup,
    instance: config.instance,
    sql,
    dialect: stack.dialect,
    products,
    feed,
  });

  const outboxRelay =
    stack.outboxPool === undefined
      ? undefined
      : await startProductOutbox({ pool: stack.outboxPool, transport: stack.transport });

  const flashSales = new FlashSales({
    stock,
    sale: stack.flashSale?.(stock),
    db: stack.db,
    policy: guards.redis,
    instance: config.instance,
    onAllocated: announce,
    claimIdleMs: config.flashClaimIdleMs,
  });

  for (const event of ['overAdmitted', 'deadLettered', 'writeFailed', 'repaired'] as const) {
    flashSales.events?.on(event, (detail) => {
      metrics.flashSaleEvents.inc({ event });
      app.log.warn({ event, detail }, `flash sale: ${event}`);
    });
  }

  const wms =
    config.wmsSimulator && config.wmsUrl === undefined
      ? await new WmsSimulator().start()
      : undefined;
  const warehouseSync = new WarehouseSync({
    system: new HttpWarehouseSystem({ baseUrl: config.wmsUrl ?? wms?.url ?? 'http://127.0.0.1:9' }),
    inventory: stock,
    name: 'wms',
  });
  let lastSync: SyncReport | undefined;
  const runFullSync = async () => {
    lastSync = await warehouseSync.fullSync();
    return lastSync;
  };
  const scheduler =
    config.fullSyncEveryMs > 0 && (config.wmsUrl !== undefined || wms !== undefined)
      ? new SyncScheduler({
          name: `${config.redisPrefix}wms-full`,
          job: runFullSync,
          everyMs: config.fullSyncEveryMs,
          leases: stack.leases,
        })
      : undefined;

  const metrics = new MallMetrics(config.instance, {
    cache: () => {
      const s = productCache.stats();
      return {
        namespace: s.namespace,
        l1: s.hits.l1,
        l2: s.hits.l2,
        misses: s.misses,
        staleServed: s.staleServed,
        hotKeys: s.hotKeys,
      };
    },
    breakers: () =>
      [guards.db, guards.l2, guards.redis].map((p) => ({ name: p.name, state: p.stats().state })),
    shed: () => {
      const s = guards.shedder.stats();
      return Object.entries(s.shed).flatMap(([priority, reasons]) =>
        Object.entries(reasons).map(([reason, count]) => ({ priority, reason, count })),
      );
    },
    lag: () => lastLag,
    switches: () => guards.switches.list(),
  });
  let lastLag: { messages: number; seconds: number } | undefined;
  const lagTimer = setInterval(() => {
    consumer.lag().then(
      (lag) => {
        lastLag = lag;
      },
      () => undefined,
    );
  }, 2_000);
  lagTimer.unref();
  const telemetry = new Telemetry(() => {
    const s = productCache.stats();
    const shed = guards.shedder.stats().shed;
    const rejections = Object.values(shed).reduce(
      (sum, r) => sum + Object.values(r).reduce((a, b) => a + b, 0),
      0,
    );
    return {
      hits: s.hits.l1 + s.hits.l2,
      requests: s.hits.l1 + s.hits.l2 + s.misses,
      deductions,
      rejections,
    };
  });

  const app = fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'mallkit mall-server',
        version: '0.0.0',
        description: 'Product and inventory API of the mallkit reference server.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  const mall: Mall = {
    config,
    app,
    stack,
    stock,
    products,
    catalog,
    productCache,
    hotKeys,
    feed,
    consumer,
    outboxRelay,
    binlog,
    guards,
    flashSales,
    split,
    warehouseSync,
    lastSync: () => lastSync,
    runFullSync,
    alerts,
    metrics,
    telemetry,
    wms,
    listen: async () => {
      const address = await app.listen({ port: config.port, host: config.host });
      return address.replace('[::1]', '127.0.0.1');
    },
    close: async () => {
      clearInterval(lagTimer);
      telemetry.stop();
      split.stop();
      const step = (name: string, run: () => unknown) => shutdownStep(app.log, name, run);
      await step('http', () => app.close());
      await step('scheduler', () => scheduler?.stop());
      await step('sweeper', () => sweeper.stop());
      await step('flash sales', () => flashSales.close());
      await step('outbox relay', () => outboxRelay?.stop());
      await step('binlog', () => binlog?.stop());
      await step('feed consumer', () => consumer.stop());
      await step('product cache', () => productCache.close());
      guards.close();
      hotKeys.close();
      await step('wms simulator', () => wms?.stop());
      if (options.stack === undefined) await step('stack', () => stack.close());
    },
  };
  installHooks(app, { config, guards, metrics });
  opsRoutes(app, mall);
  productRoutes(app, mall);
  stockRoutes(app, mall);
  flashSaleRoutes(app, mall);
  inventoryAdminRoutes(app, mall);
  consoleRoutes(app, mall);

  if (config.seedDemo) await seedDemo(mall);
  await flashSales.start();
  await split.start();
  await binlog?.start();
  const sweeper = new ReservationSweeper(stock, { intervalMs: 2_000 });
  sweeper.start();
  scheduler?.start();
  telemetry.start();
  await app.ready();
  return mall;
}
