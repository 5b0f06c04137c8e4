// Events per second and end-to-end lag (p50/p99) from DB commit to consumer effect, for
// the binlog and the outbox source, each at a steady write rate and then at the maximum
// rate, next to raw XADD + XREADGROUP/XACK on the same Redis with the same client in the
// same run. Private MariaDB (ROW binlog) and redis-server on loopback. Writes its table
// into packages/sync/README.md.
import { MariaDbServer, RedisServer } from '@mallkit/internal-harness';
import { CdcPipeline, type ChangeEvent, Consumer } from '@mallkit/sync';
import { BinlogSource, createOutboxTable, OutboxSource, writeOutbox } from '@mallkit/sync/mysql';
import { RedisStreamTransport } from '@mallkit/sync/redis';
import { Redis } from 'ioredis';
import { createPool, type Pool } from 'mysql2/promise';
import { machine } from '../src/machine.ts';
import { percentile } from '../src/percentile.ts';
import { writeReadmeSection } from '../src/readmeSection.ts';

const WRITERS = 8;
const ROWS = 1000;
const PARTITIONS = 8;
const STEADY_RATE = Number(process.env['BENCH_STEADY_RATE'] ?? 500);
const PHASE_MS = Number(process.env['BENCH_PHASE_MS'] ?? 5000);
const WARMUP_MS = 1000;
const DRAIN_TIMEOUT_MS = 60_000;
const OUTBOX_POLL_MS = 10;
const OUTBOX_BATCH = 500;
const PAD = 'x'.repeat(64);

/** Wall clock in ms with sub-ms resolution; writer and consumer share the process. */
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What one phase observed on the consumer side. */
class Recorder {
  readonly lags: number[] = [];
  received = 0;
  lastAt = 0;
  bytes = 0;

  record(ts: number, bodyBytes: number): void {
    const at = now();
    this.lags.push(at - ts);
    this.received++;
    this.lastAt = at;
    this.bytes += bodyBytes;
  }
}

interface PhaseResult {
  label: string;
  eventsPerSecond: number;
  p50: number;
  p99: number;
  written: number;
  writesPerSecond: number;
  bodyBytes: number;
}

/** One commit by writer `w`, its `n`-th; `ts` goes into the row. */
type Write = (w: number, n: number, ts: number) => Promise<void>;

/**
 * WRITERS concurrent writers for `ms`: paced to `rate` commits/s in total, or as fast as
 * they can (`rate` undefined). Then waits until the recorder saw every commit.
 */
async function phase(
  label: string,
  recorder: () => Recorder,
  write: Write,
  ms: number,
  rate: number | undefined,
): Promise<PhaseResult> {
  const rec = recorder();
  let written = 0;
  const start = now();
  const end = start + ms;
  const writer = async (w: number) => {
    const interval = rate === undefined ? 0 : (1000 * WRITERS) / rate;
    let next = start + (w * interval) / WRITERS;
    for (let n = 0; ; n++) {
      if (rate !== undefined) {
        if (next > now()) await sleep(next - now());
        next += interval;
      }
      const ts = now();
      if (ts >= end) return;
      await write(w, n, ts);
      written++;
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  const writeEnd = now();
  const deadline = writeEnd + DRAIN_TIMEOUT_MS;
  while (rec.received < written) {
    if (now() > deadline) {
      throw new Error(
        `${label}: ${rec.received} of ${written} events after ${DRAIN_TIMEOUT_MS} ms`,
      );
    }
    await sleep(5);
  }
  const result = {
    label,
    eventsPerSecond: (rec.received * 1000) / (rec.lastAt - start),
    p50: percentile(rec.lags, 50),
    p99: percentile(rec.lags, 99),
    written,
    writesPerSecond: (written * 1000) / (writeEnd - start),
    bodyBytes: rec.bytes / Math.max(1, rec.received),
  };
  console.log(
    `${label}: ${Math.round(result.eventsPerSecond)} events/s (writes ${Math.round(result.writesPerSecond)}/s), lag p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${Math.round(result.bodyBytes)} B/message`,
  );
  return result;
}

/** Warm-up (discarded), steady rate, max rate: the same write path through one wiring. */
async function phases(name: string, write: Write, current: { rec: Recorder }) {
  const fresh = () => {
    current.rec = new Recorder();
    return current.rec;
  };
  await phase(`${name} warm-up`, fresh, write, WARMUP_MS, undefined);
  const steady = await phase(
    `${name}, steady ${STEADY_RATE}/s`,
    fresh,
    write,
    PHASE_MS,
    STEADY_RATE,
  );
  const max = await phase(`${name}, max rate`, fresh, write, PHASE_MS, undefined);
  return { steady, max };
}

const CATCH_UP_EVENTS = Number(process.env['BENCH_CATCH_UP_EVENTS'] ?? 15_000);

/**
 * Pipeline capacity without the database's commit rate in the way: CATCH_UP_EVENTS
 * commits are written while nothing relays them, then the wiring starts and the time
 * until the consumer saw the last one gives events/s (lag is not meaningful here).
 */
async function catchUp(
  label: string,
  write: Write,
  wire: (rec: Recorder) => Promise<() => Promise<void>>,
): Promise<PhaseResult> {
  let next = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let n = next++; n < CATCH_UP_EVENTS; n = next++) await write(w, n, now());
    }),
  );
  const rec = new Recorder();
  const start = now();
  const stop = await wire(rec);
  try {
    const deadline = start + DRAIN_TIMEOUT_MS;
    while (rec.received < CATCH_UP_EVENTS) {
      if (now() > deadline) throw new Error(`${label}: ${rec.received} of ${CATCH_UP_EVENTS}`);
      await sleep(5);
    }
  } finally {
    await stop();
  }
  const eventsPerSecond = (rec.received * 1000) / (rec.lastAt - start);
  console.log(`${label}: ${Math.round(eventsPerSecond)} events/s relayed from a backlog`);
  return {
    label,
    eventsPerSecond,
    p50: Number.NaN,
    p99: Number.NaN,
    written: CATCH_UP_EVENTS,
    writesPerSecond: Number.NaN,
    bodyBytes: rec.bytes / Math.max(1, rec.received),
  };
}

const updateRow: (pool: Pool) => Write = (pool) => async (w, n, ts) => {
  const id = ((w * 7919 + n) % ROWS) + 1;
  await pool.query('UPDATE events SET seq = ?, ts = ?, pad = ? WHERE id = ?', [n, ts, PAD, id]);
};

const updateWithOutbox: (pool: Pool) => Write = (pool) => async (w, n, ts) => {
  const id = ((w * 7919 + n) % ROWS) + 1;
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    await conn.query('UPDATE events SET seq = ?, ts = ?, pad = ? WHERE id = ?', [n, ts, PAD, id]);
    await writeOutbox(conn, [
      { topic: 'bench.outbox', key: String(id), payload: { id, seq: n, ts, pad: PAD } },
    ]);
    await conn.commit();
  } catch (error) {
    await conn.rollback().catch(() => undefined);
    throw error;
  } finally {
    conn.release();
  }
};

/** Source → pipeline → transport → consumer recording into `rec()`; returns its stop. */
async function wire(
  redis: Redis,
  keyPrefix: string,
  topic: string,
  source: BinlogSource | OutboxSource,
  rec: () => Recorder,
): Promise<() => Promise<void>> {
  const transport = new RedisStreamTransport({
    redis,
    keyPrefix,
    partitions: PARTITIONS,
    blockMs: 500,
  });
  const pipeline = new CdcPipeline({ source, transport });
  const consumer = new Consumer({
    transport,
    topic,
    group: 'bench',
    name: 'c1',
    handler: async (change: ChangeEvent, delivery) => {
      rec().record(Number(change.after?.['ts']), delivery.body.length);
    },
  });
  await pipeline.start();
  await consumer.start();
  return async () => {
    await consumer.stop();
    await pipeline.stop();
  };
}

async function binlogPhases(server: MariaDbServer, pool: Pool, redis: Redis) {
  const connection = { host: server.host, port: server.port, user: server.user };
  const filter = { tables: ['bench.events'] };
  const current = { rec: new Recorder() };
  const stop = await wire(
    redis,
    'bench:binlog:',
    'bench.events',
    new BinlogSource({ connection, pool, filter }),
    () => current.rec,
  );
  let phased: { steady: PhaseResult; max: PhaseResult };
  try {
    phased = await phases('binlog', updateRow(pool), current);
  } finally {
    await stop();
  }
  const [status] = (await pool.query('SHOW MASTER STATUS')) as unknown as [
    Array<{ File: string; Position: number }>,
  ];
  const at = status[0];
  if (!at) throw new Error('SHOW MASTER STATUS: no binlog');
  const catchUpResult = await catchUp('binlog catch-up', updateRow(pool), (rec) =>
    wire(
      redis,
      'bench:binlog-catch-up:',
      'bench.events',
      new BinlogSource({ connection, pool, filter, startAt: `${at.File}:${at.Position}` }),
      () => rec,
    ),
  );
  return { ...phased, catchUp: catchUpResult };
}

async function outboxPhases(pool: Pool, redis: Redis) {
  await createOutboxTable(pool);
  const source = () =>
    new OutboxSource({ pool, pollIntervalMs: OUTBOX_POLL_MS, batchSize: OUTBOX_BATCH });
  const current = { rec: new Recorder() };
  const stop = await wire(redis, 'bench:outbox:', 'bench.outbox', source(), () => current.rec);
  let phased: { steady: PhaseResult; max: PhaseResult };
  try {
    phased = await phases('outbox', updateWithOutbox(pool), current);
  } finally {
    await stop();
  }
  const catchUpResult = await catchUp('outbox catch-up', updateWithOutbox(pool), (rec) =>
    wire(redis, 'bench:outbox-catch-up:', 'bench.outbox', source(), () => rec),
  );
  return { ...phased, catchUp: catchUpResult };
}

/**
 * The floor: WRITERS producers each awaiting one XADD at a time (a body of `bytes`, its
 * timestamp inside) to one stream, and one consumer doing XREADGROUP COUNT 100 then XACK
 * of the batch, all with ioredis on the same Redis.
 */
async function rawPhases(
  redis: Redis,
  bytes: number,
): Promise<{ steady: PhaseResult; max: PhaseResult }> {
  const stream = 'bench:raw';
  await redis.xgroup('CREATE', stream, 'g', '$', 'MKSTREAM');
  const reader = redis.duplicate();
  const current = { rec: new Recorder() };
  let running = true;
  const consume = (async () => {
    while (running) {
      const reply = (await reader.xreadgroup(
        'GROUP',
        'g',
        'c1',
        'COUNT',
        100,
        'BLOCK',
        200,
        'STREAMS',
        stream,
        '>',
      )) as Array<[string, Array<[string, string[]]>]> | null;
      const entries = reply?.[0]?.[1] ?? [];
      if (entries.length === 0) continue;
      for (const [, fields] of entries) {
        const body = fields[1] ?? '';
        current.rec.record(Number(body.slice(0, body.indexOf(','))), body.length);
      }
      await reader.xack(stream, 'g', ...entries.map(([id]) => id));
    }
  })();
  const filler = 'y'.repeat(Math.max(0, Math.round(bytes) - 20));
  try {
    return await phases(
      'raw XADD + XREADGROUP/XACK',
      async (_w, _n, ts) => {
        await redis.xadd(stream, '*', 'body', `${ts},${filler}`);
      },
      current,
    );
  } finally {
    running = false;
    await consume;
    reader.disconnect();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const mariadb = await MariaDbServer.start({ name: 'bench-sync-cdc' });
  const redisServer = await RedisServer.start({ name: 'bench-sync-cdc' });
  const connection = { host: mariadb.host, port: mariadb.port, user: mariadb.user };
  const admin = await createPool({ ...connection, connectionLimit: 1 });
  await admin.query('CREATE DATABASE bench');
  await admin.end();
  const pool = createPool({ ...connection, database: 'bench', connectionLimit: WRITERS + 4 });
  const redis = new Redis(redisServer.url);
  try {
    await pool.query(
      'CREATE TABLE events (id INT PRIMARY KEY, seq BIGINT NOT NULL, ts DOUBLE NOT NULL, pad VARCHAR(100) NOT NULL)',
    );
    await pool.query(
      `INSERT INTO events (id, seq, ts, pad) VALUES ${Array.from({ length: ROWS }, (_, i) => `(${i + 1}, 0, 0, '')`).join(', ')}`,
    );
    const binlog = await binlogPhases(mariadb, pool, redis);
    const outbox = await outboxPhases(pool, redis);
    const raw = await rawPhases(redis, binlog.max.bodyBytes);

    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    const ms = (n: number) => (Number.isNaN(n) ? '—' : n < 10 ? n.toFixed(2) : n.toFixed(1));
    const ratio = (n: number) => (Number.isNaN(n) ? '—' : `${n.toFixed(n < 0.1 ? 3 : 2)}×`);
    const row = (source: string, r: PhaseResult, base: PhaseResult) =>
      `| ${source} | ${fmt(r.eventsPerSecond)} | ${ms(r.p50)} | ${ms(r.p99)} | ${ratio(r.eventsPerSecond / base.eventsPerSecond)} | ${ratio(r.p50 / base.p50)} |`;
    const table = [
      `${WRITERS} writer connections doing single-row autocommit UPDATEs (binlog) or an UPDATE plus \`writeOutbox\` in one transaction (outbox) over ${ROWS} rows, each row carrying its write time; → source → \`CdcPipeline\` → \`RedisStreamTransport\` (${PARTITIONS} partitions) → one \`Consumer\` whose handler records now − write time. Each source runs ${WARMUP_MS / 1000} s of warm-up, then ${PHASE_MS / 1000} s paced at ${STEADY_RATE} commits/s, then ${PHASE_MS / 1000} s as fast as the writers go; a phase ends when the consumer has seen every commit, and events/s is commits ÷ (last consumed − phase start). Ratios are against the raw row of the same phase kind.`,
      '',
      '| source | events/s | lag p50 ms | lag p99 ms | events/s ÷ raw XADD/XREADGROUP | lag p50 ÷ raw |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      row(`binlog, steady ${STEADY_RATE}/s`, binlog.steady, raw.steady),
      row('binlog, max rate', binlog.max, raw.max),
      row(`binlog, catch-up of ${fmt(CATCH_UP_EVENTS)} commits`, binlog.catchUp, raw.max),
      row(`outbox, steady ${STEADY_RATE}/s`, outbox.steady, raw.steady),
      row('outbox, max rate', outbox.max, raw.max),
      row(`outbox, catch-up of ${fmt(CATCH_UP_EVENTS)} commits`, outbox.catchUp, raw.max),
      row(`raw XADD + XREADGROUP/XACK, steady ${STEADY_RATE}/s`, raw.steady, raw.steady),
      row('raw XADD + XREADGROUP/XACK, max rate', raw.max, raw.max),
      '',
      `- Max-rate commits per second on the writer side: binlog ${fmt(binlog.max.writesPerSecond)}, outbox ${fmt(outbox.max.writesPerSecond)}; at max rate the database's commit rate limits both sources (events/s ≈ commits/s, the pipeline keeps up), and the lag includes whatever queue builds up. The catch-up rows measure the relay alone: the commits were written while nothing relayed them, then source, pipeline and consumer started (binlog from the position before the backlog), events/s = commits ÷ time until the consumer saw the last one; their lag would only measure the wait, so it is left out.`,
      `- Message bodies: binlog ≈ ${Math.round(binlog.max.bodyBytes)} B (the change event as JSON, before and after images), outbox ≈ ${Math.round(outbox.max.bodyBytes)} B; raw XADD sends ${Math.round(raw.max.bodyBytes)} B bodies. The raw floor is ${WRITERS} producers each awaiting one XADD at a time to one stream and one consumer doing \`XREADGROUP COUNT 100\` + \`XACK\`, ioredis on the same private redis-server.`,
      `- The outbox relay polls every ${OUTBOX_POLL_MS} ms (\`pollIntervalMs\`, default 200) with \`batchSize: ${OUTBOX_BATCH}\`, one relay; the binlog source, transport and consumer use their defaults.`,
      `- Private MariaDB 10.11 (\`binlog_format=ROW\`, default durability) and redis-server on loopback; writers, pipeline and consumer in one Node process. ${machine()}.`,
      '',
      'Reproduce: `npm run bench -- sync/cdc`.',
    ].join('\n');
    console.log(`\n${table}\n\n(total ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    writeReadmeSection('sync', 'cdc', table);
  } finally {
    redis.disconnect();
    await pool.end().catch(() => undefined);
    await redisServer.stop();
    await mariadb.stop();
  }
}

await main();
