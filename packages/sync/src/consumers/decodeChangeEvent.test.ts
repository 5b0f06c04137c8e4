import { describe, expect, it } from 'vitest';
import { isSyncError } from '../errors/SyncError.js';
import { decodeChangeEvent } from './decodeChangeEvent.js';

const valid = {
  id: 'binlog:000001:4:0',
  source: 'binlog',
  table: 'shop.stock_level',
  op: 'update',
  key: 'sku-1:wh-a:0',
  before: { physical: 5 },
  after: { physical: 4 },
  at: 1_700_000_000_000,
  position: 'mysql-bin.000001:4',
};

const problem = (body: string): string => {
  try {
    decodeChangeEvent(body);
    return 'ok';
  } catch (error) {
    if (!isSyncError(error)) throw error;
    expect(error.code).toBe('INVALID_MESSAGE');
    return error.message;
  }
};

describe('decodeChangeEvent', () => {
  it('decodes a change event', () => {
    expect(decodeChangeEvent(JSON.stringify(valid))).toEqual(valid);
    const { before: _b, after: _a, ...bare } = valid;
    expect(decodeChangeEvent(JSON.stringify({ ...bare, op: 'event' }))).toEqual({
      ...bare,
      op: 'event',
    });
  });

  it('says why a body is not one', () => {
    expect(problem('{oops')).toMatch(/^not JSON/);
    expect(problem('[1,2]')).toBe('not a JSON object');
    expect(problem('null')).toBe('not a JSON object');
    expect(problem(JSON.stringify({ ...valid, id: '' }))).toContain(
      'id must be a non-empty string',
    );
    expect(problem(JSON.stringify({ ...valid, op: 'upsert' }))).toContain('op must be one of');
    expect(problem(JSON.stringify({ ...valid, at: '2024-01-01' }))).toContain('at must be');
    expect(problem(JSON.stringify({ ...valid, after: [1] }))).toContain('after must be an object');
    const { position: _p, ...noPosition } = valid;
    expect(problem(JSON.stringify(noPosition))).toContain('position must be a string');
  });
});
