/**
 * The inventory: `StockService` and `migrateStock`, allocation over warehouses, the
 * reservation sweeper, locks, events, errors and the types. SQLite lives in
 * `@mallkit/stock/sqlite`, Redis (flash sales, locks) in `@mallkit/stock/redis`.
 *
 * @module @mallkit/stock
 */
export type { ActivityAllocation } from './activities/ActivityAllocation.js';
export type { ActivityStock } from './activities/ActivityStock.js';
export type { AllocationOptions, SplitStrategy } from './allocation/AllocationOptions.js';
export { allocateOrder } from './allocation/allocateOrder.js';
export type {
  AllocationPart,
  LineAllocation,
  OrderAllocation,
} from './allocation/OrderAllocation.js';
export type { WarehouseCandidate } from './allocation/WarehouseCandidate.js';
export type { SkuSettings, WarehouseSettings } from './catalog/SkuSettings.js';
export type { AnyKysely } from './dialect/AnyKysely.js';
export { isStockError, StockError } from './errors/StockError.js';
export type { StockErrorCode } from './errors/StockErrorCode.js';
export type { StockEvents } from './events/StockEvents.js';
export { ReservationSweeper } from './expiry/ReservationSweeper.js';
export type { ReservationSweeperOptions } from './expiry/ReservationSweeperOptions.js';
export type { CombiningOptions } from './hotrows/CombiningOptions.js';
export type { PhysicalCount, Restock, SafetyLevel } from './levels/StockAdjustment.js';
export type { LockLease, LockProvider } from './locks/LockProvider.js';
export { MemoryLockProvider } from './locks/MemoryLockProvider.js';
export type { Order, OrderLine } from './order/Order.js';
export { defaultOrderLimits, type OrderLimits } from './order/OrderLimits.js';
export { validateOrder } from './order/validateOrder.js';
export type { OrderOutcome, OrderStatus, ReservedPart } from './orders/OrderOutcome.js';
export type { RefundRequest } from './orders/RefundRequest.js';
export { type MigrateStockResult, migrateStock } from './schema/migrateStock.js';
export type * from './schema/StockDatabase.js';
export { StockService } from './service/StockService.js';
export type { StockServiceOptions } from './service/StockServiceOptions.js';
export type { StockView, WarehouseStock } from './service/StockView.js';
export type { StrategyName } from './strategies/DeductionStrategy.js';
export type { DistributedLockOptions } from './strategies/DistributedLockOptions.js';
export type { OptimisticLockOptions } from './strategies/OptimisticLockOptions.js';
