import { StockError } from '../errors/StockError.js';
import { defaultOrderLimits, type OrderLimits } from '../order/OrderLimits.js';
import type { RedisFlashSaleOptions } from './RedisFlashSaleOptions.js';

/** {@link RedisFlashSaleOptions} with every default applied and every value checked. */
export type FlashSaleSettings = Required<Omit<RedisFlashSaleOptions, 'limits'>> & {
  limits: Readonly<Required<OrderLimits>>;
};

/** Applies the defaults once; throws `INVALID_OPTION` for a bad value. */
export function resolveFlashSaleOptions(options: RedisFlashSaleOptions): FlashSaleSettings {
  if (typeof options?.redis?.call !== 'function') {
    throw new StockError('INVALID_OPTION', 'RedisFlashSale: redis must be a Redis client');
  }
  if (typeof options.service?.deduct !== 'function') {
    throw new StockError('INVALID_OPTION', 'RedisFlashSale: service must be a StockService');
  }
  if (options.redis.options?.keyPrefix) {
    throw new StockError(
      'INVALID_OPTION',
      'RedisFlashSale: the Redis client has a keyPrefix; use the prefix option instead',
    );
  }
  const cluster = options.redis.isCluster === true;
  if (
    cluster &&
    (options.redis.nodes === undefined || options.redis.refreshSlotsCache === undefined)
  ) {
    throw new StockError(
      'INVALID_OPTION',
      'RedisFlashSale: a Cluster client needs nodes() and refreshSlotsCache()',
    );
  }
  const recordTtlMs = options.recordTtlMs ?? 7 * 24 * 3_600_000;
  const settings: FlashSaleSettings = {
    redis: options.redis,
    service: options.service,
    prefix: options.prefix ?? 'mallkit:flash',
    replicas: options.replicas ?? (cluster ? 1 : 0),
    waitTimeoutMs: options.waitTimeoutMs ?? 500,
    recordTtlMs,
    retainMs: options.retainMs ?? recordTtlMs,
    group: options.group ?? 'stock-writers',
    maxAttempts: options.maxAttempts ?? 3,
    limits: { ...defaultOrderLimits, ...options.limits },
    drainTimeoutMs: options.drainTimeoutMs ?? 60_000,
    reconcileTimeoutMs: options.reconcileTimeoutMs ?? 30_000,
  };
  if (!/^[^{}\s]{1,64}$/.test(settings.prefix)) {
    throw invalid('prefix', 'must be 1 to 64 characters without braces or spaces');
  }
  if (!/^[^{}\s]{1,64}$/.test(settings.group)) {
    throw invalid('group', 'must be 1 to 64 characters without braces or spaces');
  }
  count('replicas', settings.replicas, 0);
  count('waitTimeoutMs', settings.waitTimeoutMs, 1);
  count('recordTtlMs', settings.recordTtlMs, 1);
  count('retainMs', settings.retainMs, 1);
  count('maxAttempts', settings.maxAttempts, 1);
  count('drainTimeoutMs', settings.drainTimeoutMs, 0);
  count('reconcileTimeoutMs', settings.reconcileTimeoutMs, 1);
  return settings;
}

/** Checks that an option is a whole number of at least `min`. */
export function count(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw invalid(name, `must be an integer of at least ${min}; got ${String(value)}`);
  }
}

function invalid(name: string, problem: string): StockError {
  return new StockError('INVALID_OPTION', `RedisFlashSale: ${name} ${problem}`);
}
