import { StockError } from '../errors/StockError.js';

/** A name or number (SKU, warehouse, receipt, refund): 1 to 64 characters. */
export function requireName(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) {
    throw new StockError(
      'INVALID_REQUEST',
      `${field} must be a string of 1 to 64 characters; got ${String(value)}`,
    );
  }
  return value;
}

/** A whole number of units, at least `min`. */
export function requireCount(field: string, value: unknown, min = 0): number {
  if (
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    value < min ||
    value > 2_000_000_000
  ) {
    throw new StockError(
      'INVALID_REQUEST',
      `${field} must be an integer from ${min} to 2000000000; got ${String(value)}`,
    );
  }
  return value;
}
