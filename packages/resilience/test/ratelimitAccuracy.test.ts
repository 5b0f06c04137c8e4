import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { harness } from '@mallkit/internal-harness/vitest';
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gcraScript } from '../src/ratelimit/redis/gcraScript.js';
import type { WorkerConfig, WorkerReport } from './fixtures/ratelimitWorker.js';

const PROCESSES = 4;
const RATE = 1_000;
const BURST = 50;
const DURATION_MS = 4_000;

const fixture = fileURLToPath(new URL('./fixtures/ratelimitWorker.ts', import.meta.url));
const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Redis's clock, in ms since the epoch. */
async function redisTime(cluster: Cluster): Promise<number> {
  const [seconds, micros] = (await cluster.call('TIME')) as [string, string];
  return Number(seconds) * 1000 + Number(micros) / 1000;
}

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`worker ${child.pid} exited (${code}) before reporting`));
    child.once('exit', onExit);
    child.once('message', (message) => {
      child.off('exit', onExit);
      resolve(message as T);
    });
  });
}

describe('DistributedRateLimiter accuracy across processes on Redis Cluster', () => {
  let cluster: Cluster;
  const children: ChildProcess[] = [];
  beforeAll(() => {
    cluster = new Cluster(harness().cluster.seeds);
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    cluster.disconnect();
  });

  it(`admits burst + rate × elapsed (within 1% or 100 ms of rate) across ${PROCESSES} processes, never more than Redis's clock allows`, async () => {
    const config: WorkerConfig = {
      seeds: harness().cluster.seeds,
      name: `accuracy-${Math.random().toString(36).slice(2, 8)}`,
      ratePerSecond: RATE,
      burst: BURST,
      durationMs: DURATION_MS,
      concurrency: 4,
    };
    // Load the script everywhere first, so that no worker starts with a NOSCRIPT round.
    await Promise.all(cluster.nodes('master').map((node) => node.script('LOAD', gcraScript)));

    for (let i = 0; i < PROCESSES; i++) {
      children.push(
        spawn(process.execPath, ['--import', 'tsx', fixture, JSON.stringify(config)], {
          cwd: packageDir,
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        }),
      );
    }
    await Promise.all(children.map((child) => nextMessage<string>(child)));

    const reports = children.map((child) => nextMessage<WorkerReport>(child));
    const redisStart = await redisTime(cluster);
    for (const child of children) child.send('go');
    const results = await Promise.all(reports);
    const redisEnd = await redisTime(cluster);
    await Promise.all(
      children.map((child) => (child.exitCode === null ? once(child, 'exit') : [])),
    );

    const admitted = results.reduce((sum, r) => sum + r.admitted, 0);
    const first = Math.min(...results.map((r) => r.firstAdmitAt));
    const last = Math.max(...results.map((r) => r.lastAdmitAt));
    const expected = BURST + (RATE * (last - first)) / 1000;
    const ceiling = BURST + (RATE * (redisEnd - redisStart)) / 1000;

    for (const r of results) {
      expect(r.admitted).toBeGreaterThan(0);
      expect(r.refused).toBeGreaterThan(0); // demand exceeded the rate in every process
      expect(r).toMatchObject({ fallbackActivations: 0, redisErrors: 0, timeouts: 0 });
    }
    expect(last - first).toBeGreaterThan(DURATION_MS * 0.9);
    // first/last are taken when replies arrive: on a loaded machine each end of the window
    // can be late by a reply's latency, so allow 1% or 100 ms worth of rate, whichever is
    // more. The hard bound is the next line's, on Redis's own clock.
    const tolerance = Math.max(expected * 0.01, RATE * 0.1);
    expect(Math.abs(admitted - expected)).toBeLessThanOrEqual(tolerance);
    // Never above what Redis's own clock allows over the whole run.
    expect(admitted).toBeLessThanOrEqual(Math.floor(ceiling) + 1);
  });
});
