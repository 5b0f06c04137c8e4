// Requests per second and latency of the mall server over HTTP, on the real stack (a
// private redis-server and a fresh MariaDB database), the server running as a child
// process the way it is deployed, next to a bare fastify route in a child process of its
// own, the baseline, measured in the same run. Subjects: product detail of one L1-hot
// SKU, a batch of 100 products, and order deduction (a unique order number per request).
// Rounds interleave the subjects so that drift in machine load hits all alike. Writes
// its table into examples/mall-server/README.md.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { RedisServer, TestDatabase } from '@mallkit/internal-harness';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { createConnection } from 'mysql2';
import { machine } from '../src/machine.ts';
import { percentile } from '../src/percentile.ts';
import { writeReadmeSection } from '../src/readmeSection.ts';
import { type ChildServer, processCpuMs, startChildServer } from './support/childServer.ts';

const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 40);
const PHASE_S = Number(process.env['BENCH_PHASE_S'] ?? 3);
const WARMUP_S = 1;
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 4);
const GOAL = 0.6;
const serverUrl = process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306';
const SERVICE_TOKEN = 'service-dev-token';
const ADMIN_TOKEN = 'admin-dev-token';
const DETAIL_SKU = 'phone-001';
/** 100 seeded SKUs: every phone and laptop, the first 20 audio products. */
const BATCH_SKUS = [...seeded('phone', 40), ...seeded('laptop', 40), ...seeded('audio', 20)];
/** Orders go to 16 toys, none read by the other subjects (a deduction refreshes its SKU's cache entry). */
const ORDER_SKUS = seeded('toy', 26).slice(10);
const ORDER_WAREHOUSE = 'sh-1';
const RESTOCK_UNITS = 1_000_000;
const DB_PREFIX = 'mallkit_bench_server';

const here = fileURLToPath(new URL('.', import.meta.url));
const mallDir = fileURLToPath(new URL('../../examples/mall-server/', import.meta.url));

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[Math.floor(mid)] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function seeded(category: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${category}-${String(i + 1).padStart(3, '0')}`);
}

/** One measured phase of one subject. */
interface Sample {
  seconds: number;
  ok: number;
  /** Latencies of the 2xx responses, in ms. */
  latencies: number[];
  /** Non-2xx responses by `status code` label. */
  failures: Map<string, number>;
  /** Connection errors and timeouts. */
  errors: number;
  /** CPU ms used during the phase, by process. */
  cpu: Record<'server' | 'redis' | 'mariadb' | 'generator', number>;
  /** Share of all cores' time that was busy during the phase (0–1). */
  machineBusy: number;
  /** Share of all cores' time used by processes other than the ones above and the idle server (0–1). */
  others: number;
}

/** The processes whose CPU time a phase accounts for. */
interface Probes {
  redis: number;
  mariadb: number;
  servers: ChildServer[];
}

/** Busy and total jiffies of all cores so far, from /proc/stat. */
function cpuTimes(): { busy: number; total: number } {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
    .trim()
    .split(/\s+/)
    .slice(1, 9)
    .map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  // idle and iowait are not busy; steal is (the core was not ours to use)
  return { busy: total - (fields[3] ?? 0) - (fields[4] ?? 0), total };
}

interface Subject {
  name: string;
  note: string;
  server: () => ChildServer;
  request: () => Pick<autocannon.Options, 'url' | 'method' | 'headers' | 'requests'>;
  after?: () => Promise<void>;
}

let aborted = false;
let running: autocannon.Instance | undefined;

/** Loads `server` with `CONNECTIONS` connections for `seconds`. */
async function measure(subject: Subject, seconds: number, probes: Probes): Promise<Sample> {
  const server = subject.server();
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  let ok = 0;
  const request = subject.request();
  const requests = (request.requests ?? [{}]).map((r) => ({
    ...r,
    // non-2xx answers are counted by status and the server's error code
    onResponse: (status: number, body: string) => {
      if (status >= 200 && status < 300) return;
      let code = '';
      try {
        code = String((JSON.parse(body) as { error?: { code?: string } }).error?.code ?? '');
      } catch {}
      const label = `${status} ${code}`.trim();
      failures.set(label, (failures.get(label) ?? 0) + 1);
    },
  }));
  const serversCpu = () => probes.servers.reduce((n, s) => n + s.cpuMs(), 0);
  const before = {
    server: server.cpuMs(),
    servers: serversCpu(),
    redis: processCpuMs(probes.redis),
    mariadb: processCpuMs(probes.mariadb),
    generator: process.cpuUsage(),
    machine: cpuTimes(),
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { ...request, requests, connections: CONNECTIONS, duration: seconds },
      (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    );
    running = instance;
    instance.on('response', (_client, status: number, _bytes: number, ms: number) => {
      if (status >= 200 && status < 300) {
        ok++;
        latencies.push(ms);
      }
    });
  });
  running = undefined;
  const generator = process.cpuUsage(before.generator);
  const machineNow = cpuTimes();
  const cpu = {
    server: server.cpuMs() - before.server,
    redis: processCpuMs(probes.redis) - before.redis,
    mariadb: processCpuMs(probes.mariadb) - before.mariadb,
    generator: (generator.user + generator.system) / 1000,
  };
  // /proc/stat counts in 10 ms ticks, like /proc/<pid>/stat
  const machineMs = (machineNow.total - before.machine.total) * 10;
  const busyMs = (machineNow.busy - before.machine.busy) * 10;
  const known =
    serversCpu() - before.servers + (cpu.redis || 0) + (cpu.mariadb || 0) + cpu.generator;
  return {
    machineBusy: busyMs / machineMs,
    others: Math.max(0, busyMs - known) / machineMs,
    seconds: result.duration,
    ok,
    latencies,
    failures,
    errors: result.errors,
    cpu,
  };
}

/** The value of one sample of a Prometheus text exposition, or 0. */
async function metric(url: string, name: string, labels = ''): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (labels !== '' && !line.includes(labels)) continue;
    return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}

async function call(url: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetch(url, init);
  const body = await response.text();
  if (!response.ok)
    throw new Error(`bench: ${init.method ?? 'GET'} ${url}: ${response.status} ${body}`);
  return JSON.parse(body);
}

/** The pid of the local MariaDB/MySQL server, for its CPU time; NaN if not found here. */
function mariadbPid(): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (comm === 'mariadbd' || comm === 'mysqld') return Number(entry);
    } catch {}
  }
  return Number.NaN;
}

/** Drops the databases of earlier runs that were killed before they could drop theirs. */
async function dropAbandonedDatabases(): Promise<void> {
  const connection = createConnection({ uri: serverUrl }).promise();
  try {
    const [rows] = await connection.query('SHOW DATABASES');
    for (const row of rows as Array<Record<string, string>>) {
      const name = Object.values(row)[0] ?? '';
      const pid = Number(name.match(new RegExp(`^${DB_PREFIX}_(\\d+)_[0-9a-f]+$`))?.[1]);
      if (!Number.isInteger(pid) || pid === process.pid) continue;
      try {
        process.kill(pid, 0);
        continue; // its run is still going
      } catch (error) {
        if ((error as { code?: string }).code === 'EPERM') continue;
      }
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    }
  } finally {
    await connection.end();
  }
}

async function main(): Promise<void> {
  const cleanup: Array<() => Promise<void>> = [];
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`bench: ${signal}, stopping`);
    aborted = true;
    running?.stop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const redis = await RedisServer.start({ name: 'bench-server' });
    cleanup.push(() => redis.stop());
    await dropAbandonedDatabases();
    const database = await TestDatabase.create(serverUrl, DB_PREFIX);
    cleanup.push(() => database.drop());
    const probe = new Redis(redis.url);
    const redisPid = Number((await probe.info('server')).match(/process_id:(\d+)/)?.[1]);
    probe.disconnect();

    const bare = await startChildServer({
      label: 'bare fastify route',
      script: `${here}support/bareRoute.ts`,
      cwd: here,
      env: {},
      readyPath: '/ready',
    });
    cleanup.push(() => bare.stop());
    const started = performance.now();
    const mall = await startChildServer({
      label: 'mall-server',
      script: 'src/main.ts',
      cwd: mallDir,
      env: {
        REDIS_URL: redis.url,
        MYSQL_URL: database.url,
        REDIS_PREFIX: 'bench:',
        SEED_DEMO: '1',
        LOG_LEVEL: 'warn',
        CLIENT_RPS: '1000000',
        INSTANCE: 'bench',
      },
      readyPath: '/ready',
    });
    cleanup.push(() => mall.stop());
    const probes: Probes = { redis: redisPid, mariadb: mariadbPid(), servers: [bare, mall] };
    console.log(
      `mall-server ready (seeded) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    // The subjects answer what they should before anything is timed.
    const admin = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };
    for (const sku of ORDER_SKUS) {
      await call(`${mall.url}/api/admin/stock/restock`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({
          sku,
          warehouse: ORDER_WAREHOUSE,
          quantity: RESTOCK_UNITS,
          receiptNo: `bench-${sku}`,
        }),
      });
    }
    const detailUrl = `${mall.url}/api/products/${DETAIL_SKU}`;
    const batchUrl = `${mall.url}/api/products?ids=${BATCH_SKUS.join(',')}`;
    const product = (await call(detailUrl)) as { sku?: string };
    if (product.sku !== DETAIL_SKU)
      throw new Error(`bench: detail answered ${JSON.stringify(product)}`);
    const batch = (await call(batchUrl)) as { items: unknown[]; missing: string[] };
    if (batch.items.length !== BATCH_SKUS.length || batch.missing.length > 0) {
      throw new Error(
        `bench: batch answered ${batch.items.length} items, missing ${batch.missing}`,
      );
    }

    let orderSeq = 0;
    const orderHeaders = {
      authorization: `Bearer ${SERVICE_TOKEN}`,
      'content-type': 'application/json',
    };
    const drainTimes: number[] = [];
    const subjects: Subject[] = [
      {
        name: 'bare fastify route',
        note: 'baseline: constant `{"hello":"world"}`, no hooks, no schema',
        server: () => bare,
        request: () => ({ url: `${bare.url}/bare` }),
      },
      {
        name: `GET /api/products/${DETAIL_SKU}`,
        note: 'product detail, L1-hot',
        server: () => mall,
        request: () => ({ url: detailUrl }),
      },
      {
        name: `GET /api/products?ids=<${BATCH_SKUS.length} SKUs>`,
        note: 'batch read, all cached',
        server: () => mall,
        request: () => ({ url: batchUrl }),
      },
      {
        name: 'POST /api/orders',
        note: `deduct 1 unit, unique orderNo, ${ORDER_SKUS.length} SKUs`,
        server: () => mall,
        request: () => ({
          url: mall.url,
          method: 'POST',
          headers: orderHeaders,
          requests: [
            {
              method: 'POST',
              path: '/api/orders',
              setupRequest: (req: autocannon.Request) => {
                const n = orderSeq++;
                return {
                  ...req,
                  body: JSON.stringify({
                    orderNo: `bench-${n}`,
                    lines: [{ sku: ORDER_SKUS[n % ORDER_SKUS.length], quantity: 1 }],
                  }),
                };
              },
            },
          ],
        }),
        // Each deduction publishes a stock change that the server's feed consumer handles
        // after the answer: let it finish before the next subject is timed.
        after: async () => {
          const start = performance.now();
          await new Promise((resolve) => setTimeout(resolve, 2_500));
          while (
            (await metric(mall.url, 'mall_sync_lag_messages')) > 0 &&
            performance.now() - start < 60_000
          ) {
            await new Promise((resolve) => setTimeout(resolve, 500));
          }
          drainTimes.push((performance.now() - start) / 1000);
        },
      },
    ];

    const samples = new Map<string, Sample[]>();
    const l1Shares: number[] = [];
    const hotAfterWarmup: number[] = [];
    const cacheTiers = async () => ({
      l1: await metric(mall.url, 'mall_cache_requests', 'tier="l1"'),
      l2: await metric(mall.url, 'mall_cache_requests', 'tier="l2"'),
      miss: await metric(mall.url, 'mall_cache_requests', 'tier="miss"'),
    });
    for (let round = 0; round < ROUNDS; round++) {
      for (const subject of subjects) {
        if (aborted) throw new Error('bench: aborted');
        await measure(subject, WARMUP_S, probes);
        const isDetail = subject.name.includes(DETAIL_SKU);
        if (isDetail) hotAfterWarmup.push(await metric(mall.url, 'mall_cache_hot_keys'));
        const tiersBefore = await cacheTiers();
        const sample = await measure(subject, PHASE_S, probes);
        if (aborted) throw new Error('bench: aborted');
        if (isDetail) {
          const after = await cacheTiers();
          const l1 = after.l1 - tiersBefore.l1;
          l1Shares.push(l1 / (l1 + after.l2 - tiersBefore.l2 + after.miss - tiersBefore.miss));
        }
        samples.set(subject.name, [...(samples.get(subject.name) ?? []), sample]);
        const failed = [...sample.failures.values()].reduce((a, b) => a + b, 0);
        console.log(
          `round ${round + 1} ${subject.name}: ${Math.round(sample.ok / sample.seconds)} req/s 2xx, ` +
            `p99 ${percentile(sample.latencies, 99).toFixed(2)} ms, non-2xx ${failed}, errors ${sample.errors}`,
        );
        await subject.after?.();
      }
    }
    const replayed = await metric(mall.url, 'mall_stock_deductions_total', 'result="replayed"');

    const rate = (s: Sample) => s.ok / s.seconds;
    const bareRates = (samples.get(subjects[0]?.name ?? '') ?? []).map(rate);
    const summary = subjects.map((subject) => {
      const list = samples.get(subject.name) ?? [];
      // each round's rate against the bare route's rate of the same round
      const ratios = list.map((s, round) => rate(s) / (bareRates[round] ?? Number.NaN));
      const sum = (pick: (s: Sample) => number) => list.reduce((n, s) => n + pick(s), 0);
      const ok = sum((s) => s.ok);
      const latencies = list.flatMap((s) => s.latencies);
      const failures = new Map<string, number>();
      for (const s of list)
        for (const [label, n] of s.failures) failures.set(label, (failures.get(label) ?? 0) + n);
      const perRequest = (key: keyof Sample['cpu']) => (sum((s) => s.cpu[key]) * 1000) / ok;
      return {
        subject,
        rps: median(list.map(rate)),
        ratio: median(ratios),
        ratios,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        failures,
        errors: sum((s) => s.errors),
        serverUtil: sum((s) => s.cpu.server) / (sum((s) => s.seconds) * 10),
        machineBusy: (sum((s) => s.machineBusy) / list.length) * 100,
        others: (sum((s) => s.others) / list.length) * 100,
        cpuUs: {
          server: perRequest('server'),
          redis: perRequest('redis'),
          mariadb: perRequest('mariadb'),
          generator: perRequest('generator'),
        },
      };
    });
    const bareSummary = summary[0];
    const detailSummary = summary[1];
    const ratio = detailSummary?.ratio ?? Number.NaN;
    const cpuRatio =
      (bareSummary?.cpuUs.server ?? Number.NaN) / (detailSummary?.cpuUs.server ?? Number.NaN);
    const pct = (n: number) => (Number.isFinite(n) ? `${(n * 100).toFixed(0)}%` : 'n/a');
    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    const us = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : 'n/a');
    const failuresText = (failures: Map<string, number>, errors: number) => {
      const parts = [...failures].map(([label, n]) => `${fmt(n)} × ${label}`);
      if (errors > 0) parts.push(`${fmt(errors)} connection errors`);
      return parts.length === 0 ? '0' : parts.join(', ');
    };
    const table = [
      `Each subject loaded by autocannon (in the benchmark process) with ${CONNECTIONS} connections; ${ROUNDS} rounds of ${PHASE_S} s per subject (after ${WARMUP_S} s of warm-up), subjects interleaved within each round. req/s counts 2xx answers only (median of the rounds); "vs bare route" is the median over the rounds of each round's rate divided by the bare route's rate in the same round; p50/p99 are of the 2xx answers of all rounds. The mall server runs as its own process on the real stack (a private redis-server, a fresh MariaDB database on loopback, \`SEED_DEMO=1\`, \`LOG_LEVEL=warn\`, \`CLIENT_RPS=1000000\`); the bare route is a fastify app in another process. ${machine()}; load generator, server, Redis and MariaDB share the cores.`,
      '',
      '| subject | req/s | p50 ms | p99 ms | non-2xx | vs bare route |',
      '| --- | ---: | ---: | ---: | --- | ---: |',
      ...summary.map(
        (s) =>
          `| ${s.subject.name} (${s.subject.note}) | ${fmt(s.rps)} | ${s.p50.toFixed(2)} | ${s.p99.toFixed(2)} | ${failuresText(s.failures, s.errors)} | ${pct(s.ratio)} |`,
      ),
      '',
      `**Goal: product detail ≥ ${GOAL * 100}% of the bare route's throughput — ${ratio >= GOAL ? 'met' : 'not met'} (${pct(ratio)}; per round ${detailSummary?.ratios.map(pct).join(', ')}).** Per answer the server process spends ${us(detailSummary?.cpuUs.server ?? Number.NaN)} µs of CPU on product detail against ${us(bareSummary?.cpuUs.server ?? Number.NaN)} µs on the bare route (${pct(cpuRatio)}), a figure that does not depend on how the cores are shared. Product detail was answered from L1 for ${(
        (l1Shares.reduce((a, b) => a + b, 0) / l1Shares.length) * 100
      ).toFixed(
        1,
      )}% of its requests; hot-key detection had promoted ${hotAfterWarmup.join(' / ')} hot key(s) after each warm-up (the server's L1 admits every key, fresh for 5 s, then re-read from Redis).`,
      '',
      `CPU time per 2xx answer, by process (µs); how busy the server process was (% of one core) and the whole machine (% of its ${cpus().length} cores), and the share of the machine used by processes outside this benchmark (other work on the machine, e.g. other clients of the shared MariaDB, whose CPU also counts in the MariaDB column):`,
      '',
      '| subject | server | redis-server | MariaDB | autocannon | server busy | machine busy | other processes |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...summary.map(
        (s) =>
          `| ${s.subject.name} | ${us(s.cpuUs.server)} | ${us(s.cpuUs.redis)} | ${us(s.cpuUs.mariadb)} | ${us(s.cpuUs.generator)} | ${s.serverUtil.toFixed(0)}% | ${s.machineBusy.toFixed(0)}% | ${s.others.toFixed(0)}% |`,
      ),
      '',
      `Orders: ${fmt(orderSeq)} deductions sent (warm-up included), ${replayed} answered as replays; the change feed behind them was drained ${drainTimes.map((t) => t.toFixed(1)).join(' s / ')} s after each orders phase, before the next subject ran.`,
      '',
      'Reproduce: `npm run bench -- server` (needs `redis-server` on PATH and MariaDB at `MYSQL_URL`, default mysql://root@127.0.0.1:3306; `BENCH_CONNECTIONS`, `BENCH_PHASE_S`, `BENCH_ROUNDS` override the load).',
    ].join('\n');
    console.log(`\n${table}`);
    writeReadmeSection('examples/mall-server/README.md', 'server', table);
  } finally {
    for (const stop of cleanup.reverse()) {
      try {
        await stop();
      } catch (error) {
        console.error('bench: cleanup failed:', error);
      }
    }
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

await main();
