// One app node of the hot-key benchmark: reads Zipf(1.1)-distributed keys through a
// cache on the shared Cluster, with hot-key handling on or off, then reports.
import { createCache, HotKeyDetector } from '@mallkit/cache';
import { RedisBus, RedisL2 } from '@mallkit/cache/redis';
import { Cluster } from 'ioredis';

const [seedsJson = '[]', mode = 'off', keysArg = '100000', namespace = 'zipf'] =
  process.argv.slice(2);
const KEYS = Number(keysArg);
const CONCURRENCY = 32;
const redis = new Cluster(JSON.parse(seedsJson) as Array<{ host: string; port: number }>);
const bus = new RedisBus(redis, { channel: `bus:${namespace}` });
const on = mode === 'on';
const raw = mode === 'raw'; // no cache at all: one GET per read, the load the cache removes
const detector = on
  ? new HotKeyDetector({ windowMs: 1000, subWindows: 4, hotThreshold: 300 })
  : undefined;
const cache = createCache<string>({
  namespace,
  l2: new RedisL2(redis),
  l1: on ? { admission: 'hot' } : false,
  hotKeys: detector ?? false,
  broadcast: { bus, heartbeatMs: 0 },
  ttlMs: 600_000,
});

// Zipf(1.1) by inverse CDF over precomputed cumulative weights.
const cdf = new Float64Array(KEYS);
let total = 0;
for (let k = 0; k < KEYS; k++) {
  total += 1 / (k + 1) ** 1.1;
  cdf[k] = total;
}
function zipfKey(): string {
  const u = Math.random() * total;
  let lo = 0;
  let hi = KEYS - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cdf[mid] as number) < u) lo = mid + 1;
    else hi = mid;
  }
  return `k${lo}`;
}

let launchAt = 0;
let promotedAt = 0;
cache.events.on('hotKey', (e) => {
  if (e.key === 'launch' && e.hot && promotedAt === 0) promotedAt = Date.now();
});

let running = true;
let reads = 0;
let launchShare = 0;
const loader = async (key: string) => `db:${key}`;
async function reader(): Promise<void> {
  while (running) {
    const key = launchShare > 0 && Math.random() < launchShare ? 'launch' : zipfKey();
    if (raw) await redis.get(`${namespace}:${key}`);
    else await cache.get(key, loader);
    reads++;
  }
}

process.on('message', async (message: { type: string; at?: number; share?: number }) => {
  if (message.type === 'start') {
    for (let i = 0; i < CONCURRENCY; i++) void reader();
  } else if (message.type === 'launch') {
    launchAt = message.at ?? Date.now();
    launchShare = message.share ?? 0.2;
  } else if (message.type === 'stop') {
    running = false;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stats = cache.stats();
    process.send?.({
      type: 'report',
      reads,
      l1: stats.hits.l1,
      l2: stats.hits.l2,
      launchAt,
      promotedAt,
    });
    await cache.close();
    detector?.close();
    await bus.close();
    redis.disconnect();
    process.exit(0);
  }
});
await cache.ready();
await redis.ping();
process.send?.({ type: 'ready' });
