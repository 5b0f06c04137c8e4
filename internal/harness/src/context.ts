import { inject } from 'vitest';
import type { ClusterSeed } from './RedisCluster.js';

/** Addresses of the servers the integration project's global setup started. */
export interface HarnessContext {
  /** The private standalone Redis. */
  redis: { host: string; port: number; url: string };
  /** Seeds of the private Redis Cluster (3 masters, 1 replica each). */
  cluster: { seeds: ClusterSeed[] };
  /** This run's own MySQL database. */
  mysql: { url: string; database: string; serverUrl: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    harness: HarnessContext;
  }
}

/** The servers of this run; only in the integration project. */
export function harness(): HarnessContext {
  return inject('harness');
}
