import type { DeductionStrategy } from './DeductionStrategy.js';
import type { RowTaker } from './RowTaker.js';
import { takeUpdate } from './takeUpdate.js';

const taker: RowTaker = {
  async take(trx, row, quantity, pool) {
    const result = await takeUpdate(trx, row, quantity, pool).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },
};

/**
 * Strategy 1, the baseline: `UPDATE … SET reserved = reserved + n WHERE
 * sellable >= n`, with the deduction log written in the same transaction.
 * The database's row lock serialises buyers of one row.
 */
export const conditionalUpdate: DeductionStrategy = {
  name: 'conditional',
  run: (_skus, attempt) => attempt(taker),
};
