import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../changes/ChangeEvent.js';
import { ChangeFilter } from './ChangeFilter.js';
import { matchesTable } from './TablePattern.js';

function change(table: string, patch: Partial<ChangeEvent> = {}): ChangeEvent {
  return {
    id: 'f:1:0',
    source: 'binlog',
    table,
    op: 'insert',
    key: '1',
    after: { id: 1, name: 'a', secret: 's' },
    at: 0,
    position: 'f:1',
    ...patch,
  };
}

describe('matchesTable', () => {
  it('matches exact names, schema and table wildcards', () => {
    expect(matchesTable('shop.products', 'shop.products')).toBe(true);
    expect(matchesTable('shop.products', 'shop.product')).toBe(false);
    expect(matchesTable('shop.*', 'shop.orders')).toBe(true);
    expect(matchesTable('shop.*', 'crm.orders')).toBe(false);
    expect(matchesTable('*.orders', 'crm.orders')).toBe(true);
    expect(matchesTable('*', 'anything')).toBe(true);
    expect(matchesTable('orders', 'orders')).toBe(true);
    expect(matchesTable('shop.*', 'orders')).toBe(false);
  });
});

describe('ChangeFilter', () => {
  it('passes everything by default, unchanged', () => {
    const c = change('shop.products');
    expect(new ChangeFilter().apply(c)).toBe(c);
  });

  it('includes and excludes tables, exclusion winning', () => {
    const filter = new ChangeFilter({ tables: ['shop.*'], excludeTables: ['shop.audit'] });
    expect(filter.apply(change('shop.products'))).toBeDefined();
    expect(filter.apply(change('shop.audit'))).toBeUndefined();
    expect(filter.apply(change('crm.users'))).toBeUndefined();
    expect(filter.includesTable('shop.orders')).toBe(true);
  });

  it('removes excluded columns from both images without touching the original', () => {
    const filter = new ChangeFilter({ excludeColumns: { 'shop.*': ['secret'], '*': ['name'] } });
    const original = change('shop.users', {
      op: 'update',
      before: { id: 1, name: 'a', secret: 'x' },
      after: { id: 1, name: 'a', secret: 'y', v: 2 },
    });
    const kept = filter.apply(original);
    expect(kept?.before).toEqual({ id: 1 });
    expect(kept?.after).toEqual({ id: 1, v: 2 });
    expect(original.after).toEqual({ id: 1, name: 'a', secret: 'y', v: 2 });
  });

  it('drops updates that only changed excluded columns, unless told not to', () => {
    const update = change('shop.users', {
      op: 'update',
      before: { id: 1, at: new Date(5), secret: 'x' },
      after: { id: 1, at: new Date(5), secret: 'y' },
    });
    expect(new ChangeFilter({ excludeColumns: { '*': ['secret'] } }).apply(update)).toBeUndefined();
    expect(
      new ChangeFilter({ excludeColumns: { '*': ['secret'] }, dropUnchangedUpdates: false }).apply(
        update,
      ),
    ).toBeDefined();
  });

  it('applies the predicate last and keeps order in applyAll', () => {
    const filter = new ChangeFilter({
      excludeColumns: { '*': ['secret'] },
      predicate: (c) => c.key !== '2' && !('secret' in (c.after ?? {})),
    });
    const kept = filter.applyAll([
      change('a.b', { key: '1' }),
      change('a.b', { key: '2' }),
      change('a.b', { key: '3' }),
    ]);
    expect(kept.map((c) => c.key)).toEqual(['1', '3']);
  });
});
