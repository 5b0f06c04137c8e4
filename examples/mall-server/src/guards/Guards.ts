import {
  DependencyPolicy,
  EventLoopDelaySignal,
  KeyedLimiter,
  LoadShedder,
  SwitchBoard,
  type SwitchBus,
} from '@mallkit/resilience';
import { isStockError } from '@mallkit/stock';
import type { MallConfig } from '../config/MallConfig.ts';

/**
 * The degradation switches of the server. On means degraded: the guarded work is skipped
 * and its fallback served (or the request refused with `DEGRADED` where there is none).
 */
export const switchNames = {
  /** Category pages answer an empty, `degraded: true` page without touching the database. */
  listingOff: 'listing.off',
  /** Product detail and lists are served from the caches only (misses are 503), sparing the DB. */
  productCacheOnly: 'product.cache-only',
  /** Stock queries answer from the product system's stock view instead of the inventory. */
  stockFromView: 'stock.query-from-view',
  /** Flash-sale buys are refused. */
  flashSaleOff: 'flashsale.off',
  /** Catalogue writes are refused (e.g. during a migration). */
  catalogReadOnly: 'catalog.read-only',
} as const;

/** Every guard of the server: priorities, limits, dependency policies, switches. */
export interface Guards {
  /** Admits requests by priority: non-core traffic is shed first. */
  shedder: LoadShedder;
  /** Per-client limits of non-core routes. */
  clients: KeyedLimiter;
  /** Timeouts and breaker around the inventory and catalogue database. */
  db: DependencyPolicy;
  /** Timeouts and breaker of the caches' Redis (L2). */
  l2: DependencyPolicy;
  /** Timeouts and breaker of flash-sale admissions on Redis. */
  redis: DependencyPolicy;
  /** Degradation switches, shared by every instance over Redis on the real stack. */
  switches: SwitchBoard;
  /** Closes timers and subscriptions. */
  close(): void;
}

/**
 * Whether an error says the dependency is unhealthy. The inventory's answers about the
 * request itself (sold out, unknown order, wrong state…) do not: counted, a flash sale's
 * thousands of sold-out buys would open the breaker and refuse every buyer.
 */
const dependencyFailure = (error: unknown): boolean =>
  !isStockError(error) || error.code === 'STORE_UNAVAILABLE';

/** Builds the guards from the configuration. */
export function createGuards(config: MallConfig, bus: SwitchBus | undefined): Guards {
  const eventLoopDelay = new EventLoopDelaySignal();
  const shedder = new LoadShedder({
    name: 'http',
    limit: config.concurrency,
    // background work gets at most 20% of the slots, normal 60%; core can use them all
    share: { core: 1, normal: 0.6, background: 0.2 },
    eventLoopDelay,
    maxEventLoopDelayMs: { normal: 500, background: 200 },
  });
  const clients = new KeyedLimiter({
    name: 'clients',
    limit: { ratePerSecond: config.clientRps, burst: config.clientRps * 2 },
    maxKeys: 10_000,
  });
  const db = new DependencyPolicy({
    name: 'mysql',
    preset: 'database',
    breaker: { isFailure: dependencyFailure },
    timeoutMs: 5_000,
    retry: false,
    bulkhead: false,
  });
  const l2 = new DependencyPolicy({ name: 'redis:l2', preset: 'redis', bulkhead: false });
  const redis = new DependencyPolicy({
    name: 'redis:flashsale',
    preset: 'redis',
    breaker: { isFailure: dependencyFailure },
    timeoutMs: 2_000,
    retry: false,
    bulkhead: false,
  });
  const switches = new SwitchBoard({
    name: 'mall',
    switches: Object.fromEntries(Object.values(switchNames).map((name) => [name, false])),
    ...(bus === undefined ? {} : { bus }),
  });
  return {
    shedder,
    clients,
    db,
    l2,
    redis,
    switches,
    close: () => {
      switches.close();
      eventLoopDelay.close();
    },
  };
}
