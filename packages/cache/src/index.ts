/**
 * The cache: `createCache`, the in-process adapters (`MemoryL2`, `MemoryBus`), hot-key
 * detection, events, errors and the types. Redis lives in `@mallkit/cache/redis`.
 *
 * @module @mallkit/cache
 */
export type { BusMessage } from './broadcast/BusMessage.js';
export type { BusSubscription, CacheBus } from './broadcast/CacheBus.js';
export { MemoryBus } from './broadcast/MemoryBus.js';
export { Cache } from './Cache.js';
export type {
  CacheErrorEvent,
  CacheEventBase,
  CacheEvents,
  CacheHitEvent,
  CacheHotKeyEvent,
  CacheInvalidateEvent,
  CacheKeyEvent,
  CacheL1ClearEvent,
  CacheL2ErrorEvent,
  CacheStaleEvent,
  CacheTier,
  CacheValueTooLargeEvent,
} from './CacheEvents.js';
export type {
  BroadcastOptions,
  CacheOptions,
  L1Options,
  StampedeLockOptions,
} from './CacheOptions.js';
export type { CacheStats } from './CacheStats.js';
export { createCache } from './createCache.js';
export type { Entry } from './entry/Entry.js';
export { CacheError, isCacheError } from './errors/CacheError.js';
export type { CacheErrorCode } from './errors/CacheErrorCode.js';
export type { HotKeyChange, HotKeyEntry, HotKeySource } from './HotKeySource.js';
export { dispersedKey, dispersedKeys, MAX_DISPERSED_COPIES } from './hotkeys/dispersedKey.js';
export { HotKeyDetector } from './hotkeys/HotKeyDetector.js';
export type { HotKeyDetectorOptions } from './hotkeys/HotKeyDetectorOptions.js';
export type { HotKeyDetectorStats } from './hotkeys/HotKeyDetectorStats.js';
export type { HotKeyEvent } from './hotkeys/HotKeyEvent.js';
export type { HotKeyInfo } from './hotkeys/HotKeyInfo.js';
export { pickCopy } from './hotkeys/pickCopy.js';
export type { KeyRules } from './keys/KeyRules.js';
export type { L2Store, L2Write } from './l2/L2Store.js';
export { MemoryL2 } from './l2/MemoryL2.js';
export type { BatchLoader } from './load/BatchLoader.js';
export type { Loader } from './load/Loader.js';
export type { SetOptions } from './SetOptions.js';
export { jsonSerializer, type Serializer } from './serialization/Serializer.js';
