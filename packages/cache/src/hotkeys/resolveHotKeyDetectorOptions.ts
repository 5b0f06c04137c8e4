import { type Clock, systemClock } from '@mallkit/resilience';
import { invalidOption, requireInteger } from '../errors/invalidOption.js';
import type { HotKeyDetectorOptions } from './HotKeyDetectorOptions.js';

/** Longest promotion TTL: hot keys are served from L1 for at most this long. */
export const MAX_PROMOTION_TTL_MS = 15_000;

/** {@link HotKeyDetectorOptions} with every default applied and every value checked. */
export interface HotKeyDetectorSettings {
  windowMs: number;
  subWindows: number;
  intervalMs: number;
  hotThreshold: number;
  coolThreshold: number;
  capacity: number;
  maxHotKeys: number;
  promotionTtlMs: number;
  clock: Clock;
  autoTick: boolean;
  /** Least sketch estimate that admits a key to the top-K, and most of it credited. */
  seedCap: number;
  /** Counters per sketch row. */
  sketchWidth: number;
}

/** Merges the defaults into `options` once and checks every value, naming bad ones. */
export function resolveHotKeyDetectorOptions(
  options: HotKeyDetectorOptions = {},
): HotKeyDetectorSettings {
  const windowMs = requireInteger('windowMs', options.windowMs ?? 2000, 1, Number.MAX_SAFE_INTEGER);
  const subWindows = requireInteger(
    'subWindows',
    options.subWindows ?? 4,
    1,
    Math.min(64, windowMs),
  );
  const hotThreshold = positive('hotThreshold', options.hotThreshold ?? 1000, Infinity);
  const coolThreshold = positive(
    'coolThreshold',
    options.coolThreshold ?? hotThreshold / 2,
    hotThreshold,
  );
  const capacity = requireInteger('capacity', options.capacity ?? 256, 1, 16_384);
  const maxHotKeys = requireInteger(
    'maxHotKeys',
    options.maxHotKeys ?? Math.min(64, capacity),
    1,
    capacity,
  );
  const promotionTtlMs = positive(
    'promotionTtlMs',
    options.promotionTtlMs ?? 5000,
    MAX_PROMOTION_TTL_MS,
  );
  const clock = options.clock ?? systemClock;
  if (typeof clock?.now !== 'function') throw invalidOption('clock', 'an object with now()', clock);
  const autoTick = options.autoTick ?? true;
  if (typeof autoTick !== 'boolean') throw invalidOption('autoTick', 'a boolean', autoTick);
  let sketchWidth = 1024;
  while (sketchWidth < capacity * 16) sketchWidth *= 2;
  return {
    windowMs,
    subWindows,
    intervalMs: windowMs / subWindows,
    hotThreshold,
    coolThreshold,
    capacity,
    maxHotKeys,
    promotionTtlMs,
    clock,
    autoTick,
    seedCap: Math.max(1, Math.ceil(hotThreshold / 16)),
    sketchWidth,
  };
}

function positive(option: string, value: unknown, max: number): number {
  if (typeof value !== 'number' || !(value > 0 && value <= max) || !Number.isFinite(value)) {
    throw invalidOption(option, `a finite number > 0 and <= ${max}`, value);
  }
  return value;
}
