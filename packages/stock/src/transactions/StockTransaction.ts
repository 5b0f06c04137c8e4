import type { Transaction } from 'kysely';
import type { StockDatabase } from '../schema/StockDatabase.js';

/** A kysely transaction over the stock tables. */
export type StockTransaction = Transaction<StockDatabase>;
