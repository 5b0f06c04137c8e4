// Hot keys on a Redis Cluster: a Zipf(1.1) read workload over 100,000 keys from 4 app
// processes, with hot-key handling off and then on (same run). Reports commands per
// second on each master and the busiest master's load over the mean (goal with hot-key
// handling: <= 1.5x), then the delay from a key turning hot to every node serving it
// from L1 (goal: < 1 s).
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { RedisCluster } from '@mallkit/internal-harness';
import { Redis } from 'ioredis';
import { machine } from '../src/machine.ts';
import { writeReadmeSection } from '../src/readmeSection.ts';

const KEYS = 100_000;
const NODES = 4;
const PHASE_MS = Number(process.env['PHASE_MS'] ?? 8000);
const namespace = 'zipf';

const cluster = await RedisCluster.start({ name: 'bench-hotkeys', replicasPerMaster: 0 });
const masters = await cluster.masters();
const direct = masters.map((m) => new Redis({ host: m.host, port: m.port }));

// Fill L2 with every key, in the cache's own entry format, by running one cache pass.
{
  const { createCache } = await import('@mallkit/cache');
  const { RedisL2 } = await import('@mallkit/cache/redis');
  const { Cluster } = await import('ioredis');
  const client = new Cluster(cluster.seeds);
  const filler = createCache<string>({
    namespace,
    l2: new RedisL2(client),
    l1: false,
    ttlMs: 600_000,
    ttlJitter: 0,
  });
  for (let i = 0; i < KEYS; i += 1000) {
    const keys = Array.from({ length: Math.min(1000, KEYS - i) }, (_, j) => `k${i + j}`);
    await filler.getMany(keys, async (missing) => missing.map((k) => `db:${k}`));
  }
  await filler.close();
  client.disconnect();
}

async function commandsPerMaster(): Promise<number[]> {
  return Promise.all(
    direct.map(async (r) =>
      Number(/total_commands_processed:(\d+)/.exec(await r.info('stats'))?.[1] ?? 0),
    ),
  );
}

const worker = fileURLToPath(new URL('./workers/zipfReader.ts', import.meta.url));
const cwd = fileURLToPath(new URL('..', import.meta.url));

async function phase(mode: 'raw' | 'off' | 'on') {
  const nodes: ChildProcess[] = Array.from({ length: NODES }, () =>
    fork(worker, [JSON.stringify(cluster.seeds), mode, String(KEYS), namespace], {
      cwd,
      execArgv: ['--import', 'tsx'],
    }),
  );
  await Promise.all(nodes.map((n) => once(n, 'message')));
  for (const n of nodes) n.send({ type: 'start' });
  await new Promise((resolve) => setTimeout(resolve, 1500)); // warm-up: detection settles
  const before = await commandsPerMaster();
  const t0 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, PHASE_MS / 2));
  const launchAt = Date.now();
  for (const n of nodes) n.send({ type: 'launch', at: launchAt, share: 0.2 });
  await new Promise((resolve) => setTimeout(resolve, PHASE_MS / 2));
  const after = await commandsPerMaster();
  const seconds = (performance.now() - t0) / 1000;
  const reports = nodes.map((n) => once(n, 'message'));
  for (const n of nodes) n.send({ type: 'stop' });
  const results = (await Promise.all(reports)).map(
    ([m]) => m as { reads: number; l1: number; l2: number; launchAt: number; promotedAt: number },
  );
  const perMaster = after.map((a, i) => (a - (before[i] ?? 0)) / seconds);
  const mean = perMaster.reduce((s, x) => s + x, 0) / perMaster.length;
  const delays = results.map((r) => (r.promotedAt > 0 ? r.promotedAt - r.launchAt : Number.NaN));
  return {
    mode,
    perMaster,
    imbalance: Math.max(...perMaster) / mean,
    reads: results.reduce((s, r) => s + r.reads, 0),
    l1: results.reduce((s, r) => s + r.l1, 0),
    delayMs: Math.max(...delays),
  };
}

const raw = await phase('raw');
const off = await phase('off');
const on = await phase('on');
for (const r of direct) r.disconnect();
await cluster.stop();

const labels = {
  raw: 'plain GET per read (no cache)',
  off: 'cache, hot-key handling off (no L1)',
  on: 'cache, hot-key handling on',
};
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const row = (r: Awaited<ReturnType<typeof phase>>) =>
  `| ${labels[r.mode]} | ${r.perMaster.map(fmt).join(' / ')} | ${r.imbalance.toFixed(2)} | ${fmt(r.reads)} | ${((100 * r.l1) / r.reads).toFixed(1)}% | ${r.mode === 'on' ? `${fmt(r.delayMs)} ms` : '—'} |`;
const perRead = (r: Awaited<ReturnType<typeof phase>>) =>
  ((r.perMaster.reduce((sum, x) => sum + x, 0) * (PHASE_MS / 1000)) / r.reads).toFixed(2);
const markdown = `### Hot keys: Zipf(1.1) over ${KEYS.toLocaleString('en-US')} keys, ${NODES} app processes, 3-master Cluster

| reads through | commands/s per master | busiest ÷ mean | reads | served from L1 | detection delay (slowest node) |
| --- | --- | ---: | ---: | ---: | ---: |
${row(raw)}
${row(off)}
${row(on)}

- busiest master with hot-key handling: ${on.imbalance.toFixed(2)}× the mean (goal ≤ 1.5×: ${on.imbalance <= 1.5 ? 'met' : 'NOT met'}); cache without it: ${off.imbalance.toFixed(2)}×; plain GETs: ${raw.imbalance.toFixed(2)}×;
- Redis commands per read: ${perRead(raw)} plain, ${perRead(off)} off, ${perRead(on)} on (a cache read is one read-script call, which Redis counts with its inner GET: 2 commands);
- the cache without hot-key handling is already nearly balanced here because its single-flight lets only one L2 read per key be in flight per process: concurrent reads of a hot key share it. Hot-key handling then takes the hot keys off Redis altogether (the L1 share above);
- a key turning hot mid-run ("launch", 20% of reads from then on) was served from L1 on every node after ${fmt(on.delayMs)} ms (goal < 1000 ms: ${on.delayMs < 1000 ? 'met' : 'NOT met'}).

Each phase: ${NODES} processes × 32 concurrent readers for ${PHASE_MS / 1000} s after a 1.5 s warm-up; "on" is
\`HotKeyDetector({ windowMs: 1000, subWindows: 4, hotThreshold: 300 })\` with \`l1: { admission: 'hot' }\` and
shared detections; "off" has no L1. Commands counted with \`INFO stats\` on each master. The Cluster has no
replicas here, to leave the 2 cores to the workload.
Machine: ${machine()}.
Reproduce: \`npm run bench -- cache/hotKeys\`.`;
console.log(markdown);
writeReadmeSection('cache', 'hot-keys', markdown);
