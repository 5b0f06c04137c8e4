import { StockError } from '../errors/StockError.js';
import type { StockErrorCode } from '../errors/StockErrorCode.js';
import type { FlashSaleRejection } from './FlashSaleEvents.js';

/** A `StockError` that `buy` throws for a refused order, with the reason its event reports. */
export class FlashSaleRefusal extends StockError {
  /** Why the order was refused. */
  readonly reason: FlashSaleRejection;

  /**
   * @param reason - why, for the `rejected` event
   * @param code - the error code
   * @param message - what happened, for people
   */
  constructor(reason: FlashSaleRejection, code: StockErrorCode, message: string) {
    super(code, message);
    this.name = 'StockError';
    this.reason = reason;
  }
}
