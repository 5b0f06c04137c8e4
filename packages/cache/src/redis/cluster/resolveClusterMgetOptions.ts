import { CacheError } from '../../errors/CacheError.js';
import type { ClusterMgetOptions } from './ClusterMgetOptions.js';

/** {@link ClusterMgetOptions} with every default applied and every value checked. */
export type ClusterMgetSettings = Required<ClusterMgetOptions>;

const READ_FROM: ReadonlyArray<ClusterMgetSettings['readFrom']> = ['master', 'replica', 'any'];

/** Merges the defaults into `options` once; throws `INVALID_OPTION` naming a bad value. */
export function resolveClusterMgetOptions(options: ClusterMgetOptions = {}): ClusterMgetSettings {
  const readFrom = options.readFrom ?? 'master';
  if (!READ_FROM.includes(readFrom)) {
    throw invalid('readFrom', "'master', 'replica' or 'any'", readFrom);
  }
  return {
    maxKeyLength: count('maxKeyLength', options.maxKeyLength ?? 512),
    maxBatchSize: count('maxBatchSize', options.maxBatchSize ?? 5000),
    chunkSize: count('chunkSize', options.chunkSize ?? 500),
    readFrom,
    maxAttempts: count('maxAttempts', options.maxAttempts ?? 3),
  };
}

function count(option: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw invalid(option, 'an integer >= 1', value);
  }
  return value;
}

function invalid(option: string, expectation: string, value: unknown): CacheError {
  return new CacheError(
    'INVALID_OPTION',
    `clusterMget option "${option}" must be ${expectation}; got ${String(value)}`,
  );
}
