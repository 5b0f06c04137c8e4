import { DependencyPolicy } from '@mallkit/resilience';
import { type CacheBus, type CacheOptions, createCache, type L2Store } from '../../src/index.js';

/** What a suite run needs from an adapter: a fresh L2 and bus shared by the "nodes". */
export interface SuiteEnvironment {
  l2(): L2Store;
  bus(): CacheBus;
  /** A namespace of the run's own, so runs against one Redis do not meet. */
  namespace(): string;
}

/**
 * These tests check what the cache does with L2's answers, so L2 calls get a deadline
 * a loaded CI machine cannot miss; the 50 ms production deadline has its own tests.
 */
export const generousPolicy = () =>
  new DependencyPolicy({ name: 'suite-l2', preset: 'redis', timeoutMs: 5000 });

export const wait = <T>(subscribe: (resolve: (value: T) => void) => void) =>
  new Promise<T>(subscribe);

/** A promise a test resolves when it chooses: a loader held at a known point. */
export const gated = () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { gate, release };
};

/**
 * A fresh L2, bus and namespace from `env`, and `node()`: a cache on them (one "app
 * node"), with `overrides` and then `more` applied.
 */
export function nodesOn<T>(env: () => SuiteEnvironment, overrides: Partial<CacheOptions<T>> = {}) {
  const e = env();
  const l2 = e.l2();
  const bus = e.bus();
  const namespace = e.namespace();
  const node = (more: Partial<CacheOptions<T>> = {}) =>
    createCache<T>({
      namespace,
      l2,
      broadcast: { bus, heartbeatMs: 0 },
      policy: generousPolicy(),
      ...overrides,
      ...more,
    });
  return { node, l2, bus, namespace };
}
