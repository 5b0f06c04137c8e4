import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Where the gauges read their values at scrape time. */
export interface MetricsSources {
  cache: () => {
    namespace: string;
    l1: number;
    l2: number;
    misses: number;
    staleServed: number;
    hotKeys: number;
  };
  breakers: () => Array<{ name: string; state: string }>;
  shed: () => Array<{ priority: string; reason: string; count: number }>;
  lag: () => { messages: number; seconds: number } | undefined;
  switches: () => Array<{ name: string; on: boolean }>;
}

const breakerValue: Record<string, number> = {
  closed: 0,
  halfOpen: 1,
  'half-open': 1,
  open: 2,
  isolated: 3,
};

/** The server's Prometheus metrics, in a registry of its own. */
export class MallMetrics {
  readonly registry = new Registry();
  readonly requests: Histogram<'method' | 'route' | 'status'>;
  readonly deductions: Counter<'result'>;
  readonly rateLimited: Counter<'limiter'>;
  readonly flashSale: Counter<'result'>;
  readonly feedEvents: Counter<'result'>;
  readonly flashSaleEvents: Counter<'event'>;
  readonly lowStock: Counter<'state'>;

  constructor(instance: string, sources: MetricsSources) {
    this.registry.setDefaultLabels({ instance });
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.requests = new Histogram({
      name: 'mall_http_request_duration_seconds',
      help: 'HTTP requests by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.deductions = new Counter({
      name: 'mall_stock_deductions_total',
      help: 'Stock deductions by result (deducted, rejected code)',
      labelNames: ['result'],
      registers,
    });
    this.rateLimited = new Counter({
      name: 'mall_rate_limited_total',
      help: 'Requests refused by a rate limiter',
      labelNames: ['limiter'],
      registers,
    });
    this.flashSale = new Counter({
      name: 'mall_flashsale_buys_total',
      help: 'Flash-sale buys by result',
      labelNames: ['result'],
      registers,
    });
    this.feedEvents = new Counter({
      name: 'mall_feed_publish_total',
      help: 'Change-feed publications by result',
      labelNames: ['result'],
      registers,
    });
    this.flashSaleEvents = new Counter({
      name: 'mall_flashsale_events_total',
      help: 'Flash-sale events that need an operator: overAdmitted, deadLettered, writeFailed, repaired',
      labelNames: ['event'],
      registers,
    });
    this.lowStock = new Counter({
      name: 'mall_low_stock_alerts_total',
      help: 'Low-stock alerts raised and cleared by this instance',
      labelNames: ['state'],
      registers,
    });
    new Gauge({
      name: 'mall_cache_requests',
      help: 'Product cache requests since start, by tier that answered (l1, l2, miss)',
      labelNames: ['tier'],
      registers,
      collect() {
        const c = sources.cache();
        this.set({ tier: 'l1' }, c.l1);
        this.set({ tier: 'l2' }, c.l2);
        this.set({ tier: 'miss' }, c.misses);
      },
    });
    new Gauge({
      name: 'mall_cache_hit_ratio',
      help: 'Product cache hit ratio since start, by tier (l1, l2, all)',
      labelNames: ['tier'],
      registers,
      collect() {
        const c = sources.cache();
        const total = c.l1 + c.l2 + c.misses;
        this.set({ tier: 'l1' }, total === 0 ? 0 : c.l1 / total);
        this.set({ tier: 'l2' }, total === 0 ? 0 : c.l2 / total);
        this.set({ tier: 'all' }, total === 0 ? 0 : (c.l1 + c.l2) / total);
      },
    });
    new Gauge({
      name: 'mall_cache_hot_keys',
      help: 'Keys held in L1 as hot right now',
      registers,
      collect() {
        this.set(sources.cache().hotKeys);
      },
    });
    new Gauge({
      name: 'mall_breaker_state',
      help: 'Circuit breaker state per dependency: 0 closed, 1 half-open, 2 open, 3 isolated',
      labelNames: ['dependency'],
      registers,
      collect() {
        for (const b of sources.breakers())
          this.set({ dependency: b.name }, breakerValue[b.state] ?? -1);
      },
    });
    new Gauge({
      name: 'mall_shed_requests',
      help: 'Requests shed by the load shedder since start, by priority and reason',
      labelNames: ['priority', 'reason'],
      registers,
      collect() {
        for (const s of sources.shed())
          this.set({ priority: s.priority, reason: s.reason }, s.count);
      },
    });
    new Gauge({
      name: 'mall_switch_on',
      help: 'Degradation switches (1: degraded)',
      labelNames: ['switch'],
      registers,
      collect() {
        for (const s of sources.switches()) this.set({ switch: s.name }, s.on ? 1 : 0);
      },
    });
    new Gauge({
      name: 'mall_sync_lag_messages',
      help: 'Change-feed messages the product system has not finished',
      registers,
      collect() {
        this.set(sources.lag()?.messages ?? 0);
      },
    });
    new Gauge({
      name: 'mall_sync_lag_seconds',
      help: 'Age of the oldest change the product system has not finished',
      registers,
      collect() {
        this.set(sources.lag()?.seconds ?? 0);
      },
    });
  }
}
