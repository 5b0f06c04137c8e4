export type { AllocationOptions, SplitStrategy } from './allocation/AllocationOptions.js';
export { allocateOrder } from './allocation/allocateOrder.js';
export type {
  AllocationPart,
  LineAllocation,
  OrderAllocation,
} from './allocation/OrderAllocation.js';
export type { WarehouseCandidate } from './allocation/WarehouseCandidate.js';
export { isStockError, StockError } from './errors/StockError.js';
export type { StockErrorCode } from './errors/StockErrorCode.js';
export type { Order, OrderLine } from './order/Order.js';
export { defaultOrderLimits, type OrderLimits } from './order/OrderLimits.js';
export { validateOrder } from './order/validateOrder.js';
