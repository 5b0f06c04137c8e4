// A 500-key batch read on a 3-master Redis Cluster: clusterMget against per-key
// sequential GET, Promise.all of GETs with ioredis autopipelining, a per-master pipeline
// of per-slot MGETs (the usual hand-made way), and one MGET of the same keys on a
// standalone Redis (the floor: one command, one reply). All measured in the same run on
// private servers, interleaved round by round.
import { clusterMget } from '@mallkit/cache/redis';
import { RedisCluster, RedisServer } from '@mallkit/internal-harness';
import { Cluster, Redis } from 'ioredis';
import { machine } from '../src/machine.ts';
import { percentile } from '../src/percentile.ts';
import { writeReadmeSection } from '../src/readmeSection.ts';

const KEYS = 500;
const HIT_RATIO = 0.9;
const VALUE_BYTES = 100;
const ROUNDS = 40;
const WARMUP = 5;
/** Batches per subject per round (their mean is one sample); sequential GET gets one. */
const BATCHES = 10;

const cluster = await RedisCluster.start({ name: 'bench-batch-read' });
const standalone = await RedisServer.start({ name: 'bench-batch-read' });
const plain = new Cluster(cluster.seeds);
const autoPipelined = new Cluster(cluster.seeds, { enableAutoPipelining: true });
const redis = new Redis(standalone.port, standalone.host);

try {
  const keys = Array.from({ length: KEYS }, (_, i) => `product:${i * 7919}`);
  const expected = keys.map((key, i) =>
    i < KEYS * HIT_RATIO ? `${key}=`.padEnd(VALUE_BYTES, 'x') : null,
  );
  for (const client of [plain, redis]) {
    await Promise.all(keys.map((key, i) => (expected[i] ? client.set(key, expected[i]) : null)));
  }
  await Promise.all([autoPipelined.ping(), plain.ping()]);
  const slots = await Promise.all(
    keys.map(async (key) => Number(await plain.cluster('KEYSLOT', key))),
  );

  /** The usual hand-made way: per master, one pipeline of one MGET per slot. */
  async function perSlotMgetPipelines(): Promise<Array<string | null>> {
    const byNode = new Map<string, Map<number, number[]>>();
    slots.forEach((slot, i) => {
      const node = plain.slots[slot]?.[0] as string;
      const bySlot = byNode.get(node) ?? new Map<number, number[]>();
      byNode.set(node, bySlot);
      bySlot.set(slot, [...(bySlot.get(slot) ?? []), i]);
    });
    const nodes = new Map(
      plain.nodes('master').map((n) => [`${n.options.host}:${n.options.port}`, n]),
    );
    const out = new Array<string | null>(keys.length).fill(null);
    await Promise.all(
      [...byNode].map(async ([node, bySlot]) => {
        const pipeline = (nodes.get(node) as Redis).pipeline();
        const groups = [...bySlot.values()];
        for (const group of groups) pipeline.mget(group.map((i) => keys[i] as string));
        const results = (await pipeline.exec()) ?? [];
        results.forEach(([error, values], g) => {
          if (error) throw error;
          (groups[g] as number[]).forEach((i, j) => {
            out[i] = (values as Array<string | null>)[j] ?? null;
          });
        });
      }),
    );
    return out;
  }

  const subjects: Record<string, () => Promise<Array<string | null>>> = {
    'clusterMget (Cluster)': () => clusterMget(plain, keys),
    'sequential GET per key (Cluster)': async () => {
      const out: Array<string | null> = [];
      for (const key of keys) out.push(await plain.get(key));
      return out;
    },
    'Promise.all of GET, enableAutoPipelining (Cluster)': () =>
      Promise.all(keys.map((key) => autoPipelined.get(key))),
    'per-master pipeline of per-slot MGET (Cluster)': perSlotMgetPipelines,
    'one MGET (standalone Redis, the floor)': () => redis.mget(keys),
    'clusterMget (standalone Redis)': () => clusterMget(redis, keys),
  };
  const names = Object.keys(subjects);

  // Every subject must answer the truth before it is timed.
  for (const [name, read] of Object.entries(subjects)) {
    const got = await read();
    if (JSON.stringify(got) !== JSON.stringify(expected))
      throw new Error(`${name} answered wrong values`);
  }

  // Wall time: interleaved round by round so drift in machine load hits all alike.
  const samples = new Map<string, number[]>(names.map((n) => [n, []]));
  for (let round = 0; round < ROUNDS + WARMUP; round++) {
    for (const name of names) {
      const read = subjects[name] as () => Promise<unknown>;
      const batches = name.startsWith('sequential') ? 1 : BATCHES;
      const start = process.hrtime.bigint();
      for (let b = 0; b < batches; b++) await read();
      const ms = Number(process.hrtime.bigint() - start) / 1e6 / batches;
      if (round >= WARMUP) samples.get(name)?.push(ms);
    }
  }

  // Where the time goes: CPU of this process and of the Redis servers per batch, measured
  // in a separate pass per subject (rusage of the servers from INFO cpu).
  const servers = [...(await cluster.masters()), standalone];
  async function serverCpuMs(): Promise<number> {
    let total = 0;
    for (const server of servers) {
      const node = new Redis(server.port, server.host);
      const info = await node.info('cpu');
      node.disconnect();
      for (const field of ['used_cpu_sys', 'used_cpu_user']) {
        total += Number(new RegExp(`^${field}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0) * 1000;
      }
    }
    return total;
  }
  const cpu = new Map<string, { client: number; server: number }>();
  for (const name of names) {
    const read = subjects[name] as () => Promise<unknown>;
    const batches = name.startsWith('sequential') ? 20 : 200;
    const serverBefore = await serverCpuMs();
    const clientBefore = process.cpuUsage();
    for (let b = 0; b < batches; b++) await read();
    const client = process.cpuUsage(clientBefore);
    const server = (await serverCpuMs()) - serverBefore;
    cpu.set(name, {
      client: (client.user + client.system) / 1000 / batches,
      server: server / batches,
    });
  }

  const median = (name: string) => percentile(samples.get(name) ?? [], 50);
  const ours = median('clusterMget (Cluster)');
  const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
  const table = [
    '| subject (500 keys, 90 % hits, 100-byte values) | median ms/batch | p90 ms/batch | ÷ clusterMget | client CPU ms/batch | Redis CPU ms/batch |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...names.map((name) => {
      const c = cpu.get(name) ?? { client: Number.NaN, server: Number.NaN };
      const p90 = percentile(samples.get(name) ?? [], 90);
      return `| ${name} | ${fmt(median(name))} | ${fmt(p90)} | ${(median(name) / ours).toFixed(2)} | ${fmt(c.client)} | ${fmt(c.server)} |`;
    }),
  ].join('\n');

  const sequential = median('sequential GET per key (Cluster)') / ours;
  const auto = median('Promise.all of GET, enableAutoPipelining (Cluster)') / ours;
  const floor = ours / median('one MGET (standalone Redis, the floor)');
  const goal = (met: boolean) => (met ? 'met' : '**NOT met**');
  const verdict = [
    `- ${sequential.toFixed(1)}× faster than sequential GET per key (goal ≥ 20×: ${goal(sequential >= 20)});`,
    `- ${auto.toFixed(1)}× faster than Promise.all of GETs with autopipelining (goal > 1×: ${goal(auto > 1)});`,
    `- ${floor.toFixed(2)}× one standalone MGET of the same keys (goal ≤ 3×: ${goal(floor <= 3)}).`,
  ].join('\n');

  const markdown = `### Batch read: 500 keys on a 3-master Cluster

${table}

${verdict}

Per batch, each sample is the mean of ${BATCHES} sequential batches (1 for sequential GET);
${ROUNDS} samples per subject, interleaved, after ${WARMUP} warm-up rounds. CPU columns come
from a separate pass (client: \`process.cpuUsage\`; Redis: \`INFO cpu\` of the 3 masters and the
standalone server, summed). Private servers on loopback (3 masters + 3 replicas, redis-server 7),
ioredis 6, default client options; every subject's answer is checked against the truth first.
Machine: ${machine()}.
Reproduce: \`pnpm --filter @mallkit/cache build && cd bench && node_modules/.bin/tsx cache/batchRead.ts\`.`;
  console.log(markdown);
  writeReadmeSection('cache', 'batch-read', markdown);
} finally {
  plain.disconnect();
  autoPipelined.disconnect();
  redis.disconnect();
  await cluster.stop();
  await standalone.stop();
}
