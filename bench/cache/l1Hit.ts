// Cost of an L1 hit through Cache.get next to an awaited raw lru-cache get, measured
// in the same run (goal: <= 2x), and L1 hits per second on one core.
import { createCache } from '@mallkit/cache';
import { LRUCache } from 'lru-cache';
import { interleavedSamples } from '../src/interleavedSamples.ts';
import { machine } from '../src/machine.ts';
import { percentile } from '../src/percentile.ts';
import { writeReadmeSection } from '../src/readmeSection.ts';

const KEYS = 1000;
const BATCH = 1000;
const ROUNDS = 300;
const WARMUP = 50;

const keys = Array.from({ length: KEYS }, (_, i) => `sku-${i}`);
const raw = new LRUCache<string, { name: string }>({ max: 10_000, ttl: 60_000 });
const cache = createCache<{ name: string }>({
  namespace: 'bench',
  l1: { ttlMs: 600_000 },
  ttlMs: 600_000,
});
for (const key of keys) {
  raw.set(key, { name: key });
  await cache.get(key, async () => ({ name: key }));
}

let i = 0;
const subjects: Record<string, () => Promise<unknown>> = {
  'raw lru-cache get, awaited': async () => raw.get(keys[i++ % KEYS] as string),
  'Cache.get, L1 hit': () => cache.get(keys[i++ % KEYS] as string),
};

const samples = await interleavedSamples(subjects, {
  batch: BATCH,
  rounds: ROUNDS,
  warmup: WARMUP,
});
if (cache.stats().hits.l1 < ROUNDS * BATCH) throw new Error('the cache did not answer from L1');

const [rawName, cacheName] = Object.keys(subjects) as [string, string];
const rawMedian = percentile(samples[rawName] ?? [], 50);
const cacheMedian = percentile(samples[cacheName] ?? [], 50);
const ratio = cacheMedian / rawMedian;
const table = [
  '| subject | median ns/call | p99 of batch means | × raw | calls/s on one core |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...Object.entries(samples).map(([name, ns]) => {
    const median = percentile(ns, 50);
    return `| ${name} | ${median.toFixed(0)} | ${percentile(ns, 99).toFixed(0)} | ${(median / rawMedian).toFixed(2)} | ${(1e9 / median / 1e6).toFixed(2)} M |`;
  }),
].join('\n');
const markdown = `### L1 hit cost

${table}

${ratio <= 2 ? 'Goal met' : 'Goal NOT met'}: an L1 hit through \`get\` costs ${ratio.toFixed(2)}× an awaited raw lru-cache get (goal ≤ 2×), ${(1e9 / cacheMedian / 1e6).toFixed(2)} million hits per second on one core. ${KEYS} keys, ${ROUNDS} samples of ${BATCH} sequential awaited calls per subject, interleaved, after ${WARMUP} warm-up rounds.
Machine: ${machine()}.
Reproduce: \`npm run bench -- cache/l1Hit\`.`;
console.log(markdown);
writeReadmeSection('cache', 'l1-hit', markdown);
await cache.close();
