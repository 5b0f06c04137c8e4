import type { DependencyPolicyOptions } from './DependencyPolicyOptions.js';

/** The kinds of dependency with tuned defaults. */
export type PolicyPreset = 'redis' | 'database' | 'http' | 'none';

/** The settings a preset fixes. */
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
