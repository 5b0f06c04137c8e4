// Overhead per call of the full DependencyPolicy stack (limiter + retry + breaker +
// bulkhead + timeout) over a bare async call, measured in the same run, next to the
// same layers composed from separate cockatiel policies.
import { DependencyPolicy, TokenBucket } from '@mallkit/resilience';
import {
  bulkhead,
  ConsecutiveBreaker,
  circuitBreaker,
  ExponentialBackoff,
  handleAll,
  retry,
  TimeoutStrategy,
  timeout,
  wrap,
} from 'cockatiel';
import { interleavedSamples } from '../src/interleavedSamples.ts';
import { machine } from '../src/machine.ts';
import { percentile } from '../src/percentile.ts';
import { writeReadmeSection } from '../src/readmeSection.ts';

const BATCH = 1000;
const ROUNDS = 300;
const WARMUP = 50;

const fn = async () => 1;
const mallkit = new DependencyPolicy({
  name: 'bench',
  preset: 'redis',
  limiter: new TokenBucket({ ratePerSecond: 1e12, burst: 1e12 }),
});
const cockatielStack = wrap(
  retry(handleAll, { maxAttempts: 2, backoff: new ExponentialBackoff() }),
  circuitBreaker(handleAll, { halfOpenAfter: 1000, breaker: new ConsecutiveBreaker(5) }),
  bulkhead(512, 0),
  timeout(50, TimeoutStrategy.Aggressive),
);

const subjects: Record<string, () => Promise<unknown>> = {
  bare: fn,
  'DependencyPolicy (redis preset + TokenBucket)': () => mallkit.execute(fn),
  'cockatiel wrap(retry, breaker, bulkhead, timeout)': () => cockatielStack.execute(fn),
};

const samples = await interleavedSamples(subjects, {
  batch: BATCH,
  rounds: ROUNDS,
  warmup: WARMUP,
});

const bareMedian = percentile(samples['bare'] ?? [], 50);
const rows = Object.entries(samples).map(([name, ns]) => {
  const median = percentile(ns, 50);
  const p99 = percentile(ns, 99);
  return { name, median, p99, added: median - bareMedian, ratio: median / bareMedian };
});
const fmt = (n: number) => n.toFixed(0);
const table = [
  '| subject | median ns/call | p99 of batch means | added over bare (median) | × bare |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${fmt(r.median)} | ${fmt(r.p99)} | ${r.name === 'bare' ? '—' : `${fmt(r.added)} ns`} | ${r.ratio.toFixed(2)} |`,
  ),
].join('\n');
const policyRow = rows[1];
const verdict =
  policyRow && policyRow.added < 1000
    ? `Goal met: the full stack adds ${fmt(policyRow.added)} ns at the median (goal < 1000 ns).`
    : `Goal NOT met: the full stack adds ${fmt(policyRow?.added ?? Number.NaN)} ns at the median (goal < 1000 ns).`;
const markdown = `### Policy overhead per call

${table}

${verdict} Each sample is the mean of ${BATCH} sequential awaited calls of an async function that
returns at once; ${ROUNDS} samples per subject, interleaved, after ${WARMUP} warm-up rounds.
Machine: ${machine()}.
Reproduce: \`npm run bench -- resilience/overhead\`.`;
console.log(markdown);
writeReadmeSection('resilience', 'overhead', markdown);
