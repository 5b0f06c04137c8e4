import { invalidOption, requireInteger } from '../../errors/invalidOption.js';
import type { ClusterMgetOptions } from './ClusterMgetOptions.js';

/** {@link ClusterMgetOptions} with every default applied and every value checked. */
export type ClusterMgetSettings = Required<ClusterMgetOptions>;

const READ_FROM: ReadonlyArray<ClusterMgetSettings['readFrom']> = ['master', 'replica', 'any'];

/** Merges the defaults into `options` once; throws `INVALID_OPTION` naming a bad value. */
export function resolveClusterMgetOptions(options: ClusterMgetOptions = {}): ClusterMgetSettings {
  const readFrom = options.readFrom ?? 'master';
  if (!READ_FROM.includes(readFrom)) {
    throw invalidOption('readFrom', "'master', 'replica' or 'any'", readFrom);
  }
  return {
    maxKeyLength: requireInteger('maxKeyLength', options.maxKeyLength ?? 512, 1),
    maxBatchSize: requireInteger('maxBatchSize', options.maxBatchSize ?? 5000, 1),
    chunkSize: requireInteger('chunkSize', options.chunkSize ?? 500, 1),
    readFrom,
    maxAttempts: requireInteger('maxAttempts', options.maxAttempts ?? 3, 1),
  };
}
