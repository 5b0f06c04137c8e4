// Orders per second and p99 for ONE hot SKU bought by 64 concurrent buyers, per
// deduction strategy, on MariaDB (and Redis for the lock and Lua strategies), each
// measured in the same run next to the conditional-update baseline. After each
// throughput phase a sell-out phase (300 units, 1,000 buyers) counts oversold units,
// which must be 0. Writes its table into packages/stock/README.md.
import { RedisServer } from '@mallkit/internal-harness';
import { isStockError, migrateStock, StockService, type StockServiceOptions } from '@mallkit/stock';
import { RedisLockProvider } from '@mallkit/stock/redis';
import { Redis } from 'ioredis';
import { Kysely, MysqlDialect } from 'kysely';
import { createConnection, createPool } from 'mysql2';
import { machine } from '../src/machine.ts';
import { percentile } from '../src/percentile.ts';
import { writeReadmeSection } from '../src/readmeSection.ts';

const BUYERS = 64;
const PHASE_MS = Number(process.env['BENCH_PHASE_MS'] ?? 4000);
const WARMUP_MS = 500;
const ROUNDS = 2;
const SELLOUT_UNITS = 300;
const SELLOUT_BUYERS = 1000;
const serverUrl = process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306';

interface Scenario {
  name: string;
  note: string;
  options: Partial<StockServiceOptions>;
  shards?: number;
}

const scenarios: Scenario[] = [
  { name: 'conditional update', note: 'baseline', options: { strategy: 'conditional' } },
  {
    name: 'sharded x8',
    note: 'conditional update over 8 rows',
    options: { strategy: 'conditional' },
    shards: 8,
  },
  {
    name: 'combining',
    note: 'one transaction per batch of concurrent orders',
    options: { strategy: 'combining' },
  },
  {
    name: 'optimistic lock',
    note: 'version check, retried',
    options: { strategy: 'optimistic', optimistic: { maxAttempts: 1000 } },
  },
  {
    name: 'distributed lock',
    note: 'Redis lock with fencing token, conditional update kept',
    options: { strategy: 'lock', lock: { waitMs: 60_000 } },
  },
];

async function createDatabase(name: string): Promise<void> {
  const connection = createConnection({ uri: serverUrl }).promise();
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await connection.query(`CREATE DATABASE \`${name}\``);
  await connection.end();
}

interface Result {
  ordersPerSecond: number;
  p99Ms: number;
}

async function run(
  service: StockService,
  sku: string,
  prefix: string,
  ms: number,
): Promise<Result> {
  const latencies: number[] = [];
  let done = 0;
  let failed = 0;
  let seq = 0;
  const start = performance.now();
  const end = start + ms;
  const buyer = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      try {
        await service.deduct({ orderNo: `${prefix}-${seq++}`, lines: [{ sku, quantity: 1 }] });
        done++;
        latencies.push(performance.now() - t);
      } catch (error) {
        failed++;
        if (!isStockError(error)) throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: BUYERS }, buyer));
  if (failed > 0) throw new Error(`${failed} orders failed during a throughput phase`);
  return {
    ordersPerSecond: (done * 1000) / (performance.now() - start),
    p99Ms: percentile(latencies, 99),
  };
}

/** 1,000 buyers for 300 units: returns units sold beyond the stock (must be 0). */
async function sellOut(service: StockService, sku: string): Promise<number> {
  let sold = 0;
  let next = 0;
  const buyer = async () => {
    while (next < SELLOUT_BUYERS) {
      const n = next++;
      try {
        await service.deduct({ orderNo: `${sku}-sell-${n}`, lines: [{ sku, quantity: 1 }] });
        sold++;
      } catch (error) {
        if (!isStockError(error) || error.code !== 'INSUFFICIENT_STOCK') throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: BUYERS }, buyer));
  const [view] = await service.query([sku]);
  const below = view ? Math.max(0, view.reserved - view.physical) : 0;
  return Math.max(0, sold - SELLOUT_UNITS) + below;
}

async function main(): Promise<void> {
  const database = `mallkit_bench_${process.pid}`;
  await createDatabase(database);
  const redis = await RedisServer.start({ name: 'bench-stock' });
  const client = new Redis(redis.url);
  const provider = new RedisLockProvider(client);
  for (const s of scenarios)
    if (s.options.strategy === 'lock') s.options.lock = { ...s.options.lock, provider };
  const db = new Kysely<never>({
    dialect: new MysqlDialect({
      pool: createPool({ uri: `${serverUrl}/${database}`, connectionLimit: 32 }),
    }),
  });
  try {
    await migrateStock(db);
    const admin = new StockService({ db });
    await admin.defineWarehouse({ code: 'w' });
    const results = new Map<string, Result[]>();
    const oversold = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, s] of scenarios.entries()) {
        const sku = `hot-${i}-${round}`;
        await admin.defineSku({ sku, shards: s.shards ?? 1 });
        await admin.restock({ sku, warehouse: 'w', quantity: 10_000_000, receiptNo: `${sku}-r` });
        const service = new StockService({ db, ...s.options });
        await run(service, sku, `${sku}-warm`, WARMUP_MS);
        const result = await run(service, sku, `${sku}-o`, PHASE_MS);
        results.set(s.name, [...(results.get(s.name) ?? []), result]);
        const soldOut = `${sku}-sell`;
        await admin.defineSku({ sku: soldOut, shards: s.shards ?? 1 });
        await admin.restock({
          sku: soldOut,
          warehouse: 'w',
          quantity: SELLOUT_UNITS,
          receiptNo: `${soldOut}-r`,
        });
        oversold.set(s.name, (oversold.get(s.name) ?? 0) + (await sellOut(service, soldOut)));
        console.log(
          `${s.name}: ${Math.round(result.ordersPerSecond)} orders/s, p99 ${result.p99Ms.toFixed(1)} ms`,
        );
      }
    }
    const mean = (name: string, pick: (r: Result) => number) => {
      const list = results.get(name) ?? [];
      return list.reduce((n, r) => n + pick(r), 0) / list.length;
    };
    const base = mean('conditional update', (r) => r.ordersPerSecond);
    const rows = scenarios.map((s) => {
      const ops = mean(s.name, (r) => r.ordersPerSecond);
      return `| ${s.name} (${s.note}) | ${Math.round(ops).toLocaleString('en-US')} | ${mean(s.name, (r) => r.p99Ms).toFixed(1)} | ${(ops / base).toFixed(2)}× | ${oversold.get(s.name) ?? 0} |`;
    });
    const table = [
      `One hot SKU, ${BUYERS} concurrent buyers, MariaDB on loopback; means of ${ROUNDS} rounds of ${PHASE_MS / 1000} s each, scenarios interleaved. Oversold: units sold beyond stock when ${SELLOUT_BUYERS} buyers race for ${SELLOUT_UNITS} units (must be 0). ${machine()}.`,
      '',
      '| strategy | orders/s | p99 ms | vs baseline | oversold |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
      'Reproduce: `npm run bench -- stock/hotSku` (needs MariaDB at `MYSQL_URL`, default mysql://root@127.0.0.1:3306).',
    ].join('\n');
    console.log(`\n${table}`);
    writeReadmeSection('stock', 'hot-sku', table);
  } finally {
    await db.destroy();
    client.disconnect();
    await redis.stop();
    const connection = createConnection({ uri: serverUrl }).promise();
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await connection.end();
  }
}

await main();
