// Decisions per second of the distributed rate limiter, against one Redis and against a
// 3-master Cluster, next to raw EVALSHA of a trivial script measured in the same run,
// with the same client, concurrency and key spread. Goal: >= 70% of raw. Then the local
// limiters' cost per decision next to a Map lookup.
import { RedisCluster, RedisServer } from '@mallkit/internal-harness';
import {
  DistributedRateLimiter,
  KeyedLimiter,
  SlidingWindow,
  TokenBucket,
} from '@mallkit/resilience';
import { Cluster, Redis } from 'ioredis';
import { gcraScript } from '../../packages/resilience/src/ratelimit/redis/gcraScript.ts';
import { machine } from '../src/machine.ts';
import { writeReadmeSection } from '../src/readmeSection.ts';

const CONCURRENCY = 64; // requests in flight, one key each
const ROUNDS = 10; // alternating raw / limiter phases per target
const PHASE_MS = 300;
const WARMUP_MS = 500;
const MAX_OPS_PER_PHASE = 1_000_000;
const GOAL = 0.7;

type Client = Redis | Cluster;
type Op = (worker: number) => unknown;

/** Runs `op` from CONCURRENCY workers for `ms`; operations completed per second. */
async function phase(op: Op, ms: number): Promise<number> {
  let done = 0;
  const start = performance.now();
  const end = start + ms;
  const worker = async (i: number) => {
    while (performance.now() < end && done < MAX_OPS_PER_PHASE) {
      await op(i);
      done++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => worker(i)));
  return (done * 1000) / (performance.now() - start);
}

interface Row {
  target: string;
  /** Means over the rounds, ops/s. */
  raw: number;
  script: number;
  limiter: number;
  /** limiter / raw. */
  ratio: number;
  /** limiter / script: the limiter's own cost. */
  scriptRatio: number;
  fallbackDecisions: number;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

async function measure(target: string, client: Client): Promise<Row> {
  if (client.status !== 'ready') await new Promise((ready) => client.once('ready', ready));
  const load = async (script: string) =>
    String(
      client instanceof Cluster
        ? (await Promise.all(client.nodes('master').map((n) => n.script('LOAD', script))))[0]
        : await client.script('LOAD', script),
    );
  const sha = await load('return 1');
  const gcraSha = await load(gcraScript);
  // Every subject uses the limiter's Redis keys, so all hit the same slots and masters.
  const limiterKeys = Array.from({ length: CONCURRENCY }, (_, i) => `k${i}`);
  const redisKeys = limiterKeys.map((k) => `{mallkit:ratelimit:bench-${target}:${k}}`);
  const limiter = new DistributedRateLimiter({
    redis: client,
    name: `bench-${target}`,
    ratePerSecond: 1e9, // admit everything: every decision writes
    burst: 1e6,
    // Measure Redis decisions only: a loaded machine must not trip the fallback.
    timeoutMs: 5_000,
  });
  const raw: Op = (i) => client.evalsha(sha, 1, redisKeys[i] as string);
  // The limiter's script with the limiter's keys and arguments, without the limiter.
  const script: Op = (i) =>
    client.evalsha(gcraSha, 1, redisKeys[i] as string, String(1e6 / 1e9), '1000000', '1');
  const limited: Op = (i) => limiter.acquire(1, limiterKeys[i]);

  await phase(raw, WARMUP_MS);
  await phase(script, WARMUP_MS);
  await phase(limited, WARMUP_MS);
  const raws: number[] = [];
  const scripts: number[] = [];
  const limiteds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const r = await phase(raw, PHASE_MS);
    const s = await phase(script, PHASE_MS);
    const l = await phase(limited, PHASE_MS);
    raws.push(r);
    scripts.push(s);
    limiteds.push(l);
  }
  return {
    target,
    raw: mean(raws),
    script: mean(scripts),
    limiter: mean(limiteds),
    ratio: mean(limiteds) / mean(raws),
    scriptRatio: mean(limiteds) / mean(scripts),
    fallbackDecisions: limiter.stats().fallbackDecisions,
  };
}

/** Nanoseconds per call of `fn` over a bounded loop, best of 5. */
function nsPerCall(fn: (i: number) => unknown, iterations = 2_000_000): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 5; run++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) fn(i);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / iterations);
  }
  return best;
}

const server = await RedisServer.start({ name: 'bench-limiter' });
const cluster = await RedisCluster.start({ name: 'bench-limiter-cluster' });
const standaloneClient = new Redis(server.url);
const clusterClient = new Cluster(cluster.seeds);
let rows: Row[];
try {
  rows = [await measure('standalone', standaloneClient), await measure('cluster', clusterClient)];
} finally {
  standaloneClient.disconnect();
  clusterClient.disconnect();
  await Promise.all([server.stop(), cluster.stop()]);
}

// Local limiters: cost per decision on the hot path, next to a Map lookup.
const keys = Array.from({ length: 1024 }, (_, i) => `user-${i}`);
const map = new Map(keys.map((k) => [k, { tat: 0 }]));
const bucket = new TokenBucket({ ratePerSecond: 1e12, burst: 1e12 });
const window = new SlidingWindow({ limit: 1e12, windowMs: 1_000 });
const keyed = new KeyedLimiter({ limit: { ratePerSecond: 1e12, burst: 1e12 }, maxKeys: 2048 });
let sink = 0;
const local = [
  {
    name: 'baseline: Map.get over 1024 keys',
    ns: nsPerCall((i) => map.get(keys[i & 1023] as string)),
  },
  { name: 'TokenBucket.tryAcquire()', ns: nsPerCall(() => bucket.tryAcquire()) },
  { name: 'SlidingWindow.tryAcquire()', ns: nsPerCall(() => window.tryAcquire()) },
  {
    name: 'KeyedLimiter.acquire(1, key) over 1024 keys',
    ns: nsPerCall((i) => {
      sink += keyed.acquire(1, keys[i & 1023]).retryAfterMs;
    }),
  },
];

const kfmt = (n: number) => `${(n / 1000).toFixed(1)} k/s`;
const pct = (ratio: number) => `${(ratio * 100).toFixed(0)}%`;
const table = [
  "| target | raw EVALSHA `return 1` | raw EVALSHA of the limiter's script | DistributedRateLimiter.acquire | limiter ÷ `return 1` | limiter ÷ its script | fallback decisions |",
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.target} | ${kfmt(r.raw)} | ${kfmt(r.script)} | ${kfmt(r.limiter)} | ${pct(r.ratio)} | ${pct(r.scriptRatio)} | ${r.fallbackDecisions} |`,
  ),
].join('\n');
const localTable = [
  '| local decision | ns/call |',
  '| --- | ---: |',
  ...local.map((l) => `| ${l.name} | ${l.ns.toFixed(1)} |`),
].join('\n');
const verdict = `Goal (limiter >= ${pct(GOAL)} of raw \`return 1\`): ${rows
  .map((r) => `${r.ratio >= GOAL ? 'met' : 'NOT met'} on ${r.target} (${pct(r.ratio)})`)
  .join(', ')}.`;
const markdown = `### Rate limiter throughput

${table}

${verdict}

${CONCURRENCY} requests in flight from one process and one ioredis client, one key
per request slot (spread over the Cluster's slots, the same keys for every subject); ${ROUNDS} rounds of three back-to-back
${PHASE_MS} ms phases (\`return 1\`, the limiter's script, the limiter) after ${WARMUP_MS} ms of
warm-up, interleaved so that drift in machine load hits all alike; throughputs are means.
Private \`redis-server\` processes on loopback. The limiter's script (\`TIME\`, \`GET\`,
\`SET PX\`) writes on every admission and \`return 1\` does not: on the Cluster every write
is also applied by a replica, and its 6 servers share the machine's cores with the client,
so "limiter ÷ its script" isolates what the limiter itself costs (deadline timer, key,
events, stats).

${localTable}

Machine: ${machine()}.
Reproduce: \`pnpm --filter @mallkit/resilience build && cd bench && node_modules/.bin/tsx resilience/limiter.ts\`.`;
console.log(markdown);
if (sink < 0) console.log(sink);
writeReadmeSection('resilience', 'limiter', markdown);
