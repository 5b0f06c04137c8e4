import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { isStockError } from '../errors/StockError.js';
import { StockService } from '../service/StockService.js';

describe('combining options', () => {
  // a dialect is all the constructor looks at; nothing is queried
  const db = new Kysely<never>({
    dialect: new SqliteDialect({ database: {} as never }),
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses maxBatch %s with INVALID_OPTION', (maxBatch) => {
    let error: unknown;
    try {
      new StockService({ db, combining: { maxBatch } });
    } catch (e) {
      error = e;
    }
    expect(isStockError(error) && error.code).toBe('INVALID_OPTION');
    expect(String(error)).toContain('combining.maxBatch');
  });

  it('takes a positive whole maxBatch', () => {
    expect(() => new StockService({ db, combining: { maxBatch: 1 } })).not.toThrow();
  });
});
