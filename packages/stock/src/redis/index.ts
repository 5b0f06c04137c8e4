/**
 * The Redis integrations of `@mallkit/stock`: flash sales on Redis + Lua
 * (`RedisFlashSale`, `FlashSaleWriter`) and `RedisLockProvider` for the distributed-lock
 * strategy. ioredis (or any client with the same calls) is an optional peer dependency.
 *
 * @module @mallkit/stock/redis
 */
export type { FlashSaleAdmission } from '../flashsale/FlashSaleAdmission.js';
export type { FlashSaleEvents, FlashSaleRejection } from '../flashsale/FlashSaleEvents.js';
export type { FlashSaleLine } from '../flashsale/FlashSaleLine.js';
export type { FlashSalePurgeOptions } from '../flashsale/FlashSalePurgeOptions.js';
export type {
  FlashSaleReconciliation,
  FlashSaleRepair,
} from '../flashsale/FlashSaleReconciliation.js';
export type {
  FlashSaleClusterNode,
  FlashSaleConnection,
  FlashSaleRedis,
} from '../flashsale/FlashSaleRedis.js';
export type { FlashSaleStock } from '../flashsale/FlashSaleStock.js';
export { FlashSaleWriter } from '../flashsale/FlashSaleWriter.js';
export type { FlashSaleWriterOptions } from '../flashsale/FlashSaleWriterOptions.js';
export { RedisFlashSale } from '../flashsale/RedisFlashSale.js';
export type { RedisFlashSaleOptions } from '../flashsale/RedisFlashSaleOptions.js';
export type { RedisLockClient } from './RedisLockClient.js';
export { RedisLockProvider } from './RedisLockProvider.js';
