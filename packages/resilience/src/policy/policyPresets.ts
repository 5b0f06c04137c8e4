import type { DependencyPolicyOptions } from './DependencyPolicyOptions.js';

/**
 * The kinds of dependency with tuned defaults.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { DependencyPolicy, type PolicyPreset, policyPresets } from '@mallkit/resilience';
 *
 * // Pick the preset from the kind of dependency a URL points to.
 * function presetFor(url: string): PolicyPreset {
 *   const scheme = new URL(url).protocol;
 *   if (scheme === 'redis:' || scheme === 'rediss:') return 'redis';
 *   if (scheme === 'mysql:') return 'database';
 *   return scheme === 'http:' || scheme === 'https:' ? 'http' : 'none';
 * }
 * const preset = presetFor('mysql://root@127.0.0.1:3306/shop');
 * assert.equal(preset, 'database');
 * assert.equal(policyPresets[preset].timeoutMs, 800);
 *
 * const orders = new DependencyPolicy({ name: 'doc:PolicyPreset', preset });
 * assert.equal(await orders.execute(() => 'row'), 'row');
 * ```
 *
 * @group Dependency policy
 */
export type PolicyPreset = 'redis' | 'database' | 'http' | 'none';

/**
 * The settings a preset fixes.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { DependencyPolicy, type PresetSettings, policyPresets } from '@mallkit/resilience';
 *
 * // House settings for partner APIs: the http preset, with a shorter deadline and no retry.
 * const partnerApi: PresetSettings = { ...policyPresets.http, timeoutMs: 1500, retry: false };
 * const carrier = new DependencyPolicy({ name: 'doc:PresetSettings', ...partnerApi });
 *
 * assert.equal(await carrier.execute(() => 'label.pdf'), 'label.pdf');
 * assert.deepEqual(partnerApi.bulkhead, { concurrency: 64, queue: 0 });
 * ```
 *
 * @group Dependency policy
 */
export type PresetSettings = Required<
  Pick<DependencyPolicyOptions, 'timeoutMs' | 'breaker' | 'retry' | 'bulkhead'>
>;

/**
 * Defaults per kind of dependency, merged under what you pass to
 * {@link DependencyPolicy}:
 *
 * | preset | timeout | breaker | retry (idempotent calls) | bulkhead |
 * | --- | --- | --- | --- | --- |
 * | redis | 50 ms | ≥ 50% failures over 10 s at ≥ 20 rps; probe after 1 s | 2 attempts, 5–50 ms apart | 512 running |
 * | database | 800 ms | ≥ 50% failures over 10 s at ≥ 5 rps; probe after 5 s | 2 attempts, 50–500 ms apart | 32 running, 64 queued |
 * | http | 3000 ms | ≥ 50% failures over 30 s at ≥ 1 rps; probe after 10 s | 3 attempts, 100 ms–2 s apart | 64 running |
 * | none | 1000 ms | 5 in a row; probe after 5 s | 2 attempts, 10 ms–1 s apart | 64 running |
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { DependencyPolicy, policyPresets, TimeoutError } from '@mallkit/resilience';
 *
 * assert.equal(policyPresets.redis.timeoutMs, 50);
 * assert.deepEqual(policyPresets.redis.bulkhead, { concurrency: 512, queue: 0 });
 *
 * // A policy built on a preset uses its values unless told otherwise.
 * const sessions = new DependencyPolicy({ name: 'doc:policyPresets', preset: 'redis' });
 * const slowRead = ({ signal }: { signal: AbortSignal }) =>
 *   new Promise<string>((resolve, reject) => {
 *     const timer = setTimeout(resolve, 1000, 'session');
 *     signal.addEventListener('abort', () => {
 *       clearTimeout(timer);
 *       reject(signal.reason);
 *     });
 *   });
 * const error = await sessions.execute(slowRead).catch((e: unknown) => e);
 * assert.ok(error instanceof TimeoutError);
 * assert.equal(error.timeoutMs, policyPresets.redis.timeoutMs);
 * ```
 *
 * @group Dependency policy
 */
export const policyPresets: Readonly<Record<PolicyPreset, Readonly<PresetSettings>>> = {
  redis: {
    timeoutMs: 50,
    breaker: {
      kind: 'sampling',
      threshold: 0.5,
      samplingDurationMs: 10_000,
      minimumRps: 20,
      halfOpenAfterMs: 1000,
    },
    retry: { maxAttempts: 2, initialDelayMs: 5, maxDelayMs: 50 },
    bulkhead: { concurrency: 512, queue: 0 },
  },
  database: {
    timeoutMs: 800,
    breaker: {
      kind: 'sampling',
      threshold: 0.5,
      samplingDurationMs: 10_000,
      minimumRps: 5,
      halfOpenAfterMs: 5000,
    },
    retry: { maxAttempts: 2, initialDelayMs: 50, maxDelayMs: 500 },
    bulkhead: { concurrency: 32, queue: 64 },
  },
  http: {
    timeoutMs: 3000,
    breaker: {
      kind: 'sampling',
      threshold: 0.5,
      samplingDurationMs: 30_000,
      minimumRps: 1,
      halfOpenAfterMs: 10_000,
    },
    retry: { maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 2000 },
    bulkhead: { concurrency: 64, queue: 0 },
  },
  none: {
    timeoutMs: 1000,
    breaker: { kind: 'consecutive', threshold: 5, halfOpenAfterMs: 5000 },
    retry: { maxAttempts: 2, initialDelayMs: 10, maxDelayMs: 1000 },
    bulkhead: { concurrency: 64, queue: 0 },
  },
};
