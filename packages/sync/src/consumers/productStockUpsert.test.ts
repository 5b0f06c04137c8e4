import { describe, expect, it } from 'vitest';
import { productStockUpsert } from './productStockUpsert.js';

const columns = { sku: 'sku', available: 'available', version: 'stock_version' };

describe('productStockUpsert', () => {
  it('guards the MySQL upsert by version, deciding availability before bumping it', () => {
    expect(productStockUpsert({ table: 'shop.product_stock', ...columns, dialect: 'mysql' })).toBe(
      'INSERT INTO `shop`.`product_stock` (`sku`, `available`, `stock_version`) VALUES (?, ?, ?) ' +
        'ON DUPLICATE KEY UPDATE `available` = IF(VALUES(`stock_version`) > `stock_version`, VALUES(`available`), `available`), ' +
        '`stock_version` = GREATEST(`stock_version`, VALUES(`stock_version`))',
    );
  });

  it('uses ON CONFLICT … WHERE for SQLite and numbered placeholders for Postgres', () => {
    expect(productStockUpsert({ table: 'product_stock', ...columns, dialect: 'sqlite' })).toBe(
      'INSERT INTO "product_stock" ("sku", "available", "stock_version") VALUES (?, ?, ?) ' +
        'ON CONFLICT ("sku") DO UPDATE SET "available" = excluded."available", "stock_version" = excluded."stock_version" ' +
        'WHERE "product_stock"."stock_version" < excluded."stock_version"',
    );
    expect(productStockUpsert({ table: 'p', ...columns, dialect: 'postgres' })).toContain(
      'VALUES ($1, $2, $3)',
    );
  });

  it('refuses identifiers it cannot quote safely', () => {
    for (const table of ['a;drop', 'a.b.c', '', '`x`']) {
      expect(() => productStockUpsert({ table, ...columns, dialect: 'mysql' })).toThrow(
        /invalid SQL identifier/,
      );
    }
  });
});
