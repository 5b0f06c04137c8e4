import type { Clock, DependencyPolicy } from '@mallkit/resilience';
import type { BroadcastSettings } from './broadcast/Broadcaster.js';
import type { CacheBus } from './broadcast/CacheBus.js';
import type { CacheOptions } from './CacheOptions.js';
import { invalidOption, requireInteger } from './errors/invalidOption.js';
import type { HotKeySource } from './HotKeySource.js';
import type { KeyRules } from './keys/KeyRules.js';
import type { L1Settings } from './l1/L1.js';
import type { L2Store } from './l2/L2Store.js';
import { jsonSerializer, type Serializer } from './serialization/Serializer.js';

/** {@link CacheOptions} with every default applied and every value checked. */
export interface CacheSettings<T> {
  namespace: string;
  l1: L1Settings | undefined;
  l2: L2Store | undefined;
  ttlMs: number;
  ttlJitter: number;
  staleWhileRevalidateMs: number;
  graceMs: number;
  negativeTtlMs: number;
  isNotFound: (value: unknown) => boolean;
  stampedeLock: { ttlMs: number; waitMs: number } | undefined;
  policy: DependencyPolicy | undefined;
  broadcast: (BroadcastSettings & { bus: CacheBus; shareHotKeys: boolean }) | undefined;
  hotKeys: HotKeySource | undefined;
  serializer: Serializer<T>;
  disperse: (key: string) => number;
  maxValueBytes: number;
  keys: Required<KeyRules>;
  clock: Clock;
}

const wallClock: Clock = { now: () => Date.now() };

/** Merges the defaults into `options` once and checks every value, naming bad ones. */
export function resolveCacheOptions<T>(options: CacheOptions<T>): CacheSettings<T> {
  const namespace = options?.namespace;
  if (typeof namespace !== 'string' || !/^[\w.:-]{1,64}$/.test(namespace)) {
    throw invalidOption('namespace', '1 to 64 letters, digits, or _ . : -', namespace);
  }
  const l1 = options.l1 === false ? undefined : (options.l1 ?? {});
  const admission = l1?.admission ?? 'all';
  if (admission !== 'all' && admission !== 'hot')
    throw invalidOption('l1.admission', "'all' or 'hot'", admission);
  if (admission === 'hot' && !options.hotKeys) {
    throw invalidOption('l1.admission', "'all' unless hotKeys is configured", admission);
  }
  const broadcast = options.broadcast || undefined;
  const lock = options.stampedeLock || undefined;
  return {
    namespace,
    l1: l1 && {
      admission,
      maxEntries: requireInteger('l1.maxEntries', l1.maxEntries ?? 10_000, 1),
      maxBytes: requireInteger('l1.maxBytes', l1.maxBytes ?? 64 * 2 ** 20, 1024),
      ttlMs: requireInteger('l1.ttlMs', l1.ttlMs ?? 5000, 1),
    },
    l2: options.l2 || undefined,
    ttlMs: requireInteger('ttlMs', options.ttlMs ?? 60_000, 1),
    ttlJitter: fraction('ttlJitter', options.ttlJitter ?? 0.1),
    staleWhileRevalidateMs: requireInteger(
      'staleWhileRevalidateMs',
      options.staleWhileRevalidateMs ?? 0,
      0,
    ),
    graceMs: requireInteger('graceMs', options.graceMs ?? 0, 0),
    negativeTtlMs: requireInteger('negativeTtlMs', options.negativeTtlMs ?? 5000, 0),
    isNotFound: options.isNotFound ?? ((value) => value === undefined || value === null),
    stampedeLock: lock && {
      ttlMs: requireInteger('stampedeLock.ttlMs', lock.ttlMs ?? 2000, 1),
      waitMs: requireInteger('stampedeLock.waitMs', lock.waitMs ?? 500, 1),
    },
    policy: options.policy,
    broadcast: broadcast && {
      bus: broadcast.bus,
      maxKeysPerMessage: requireInteger(
        'broadcast.maxKeysPerMessage',
        broadcast.maxKeysPerMessage ?? 1000,
        1,
      ),
      heartbeatMs: requireInteger('broadcast.heartbeatMs', broadcast.heartbeatMs ?? 1000, 0),
      shareHotKeys: broadcast.shareHotKeys ?? true,
    },
    hotKeys: options.hotKeys || undefined,
    disperse: options.disperse ?? (() => 1),
    serializer: options.serializer ?? (jsonSerializer as Serializer<T>),
    maxValueBytes: requireInteger('maxValueBytes', options.maxValueBytes ?? 2 ** 20, 16),
    keys: {
      maxKeyLength: requireInteger('keys.maxKeyLength', options.keys?.maxKeyLength ?? 512, 1),
      maxBatchSize: requireInteger('keys.maxBatchSize', options.keys?.maxBatchSize ?? 5000, 1),
    },
    clock: options.clock ?? wallClock,
  };
}

function fraction(option: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value < 1))
    throw invalidOption(option, 'a number in [0, 1)', value);
  return value;
}
