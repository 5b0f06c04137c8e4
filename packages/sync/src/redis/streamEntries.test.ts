import { describe, expect, it } from 'vitest';
import { streamEntries, streamIdTime } from './streamEntries.js';

describe('streamEntries', () => {
  const entries = [
    ['1700000000000-0', ['key', 'k', 'id', 'a', 'body', '{}']],
    ['1700000000000-1', null],
  ];

  it('reads XRANGE replies, deleted entries included', () => {
    const [first, gone] = streamEntries(entries);
    expect(first?.id).toBe('1700000000000-0');
    expect(Object.fromEntries(first?.fields ?? [])).toEqual({ key: 'k', id: 'a', body: '{}' });
    expect(gone).toEqual({ id: '1700000000000-1', fields: null });
  });

  it('reads XREADGROUP replies in the RESP2 and the RESP3 map shape', () => {
    expect(streamEntries([['stream', entries]], true)).toHaveLength(2);
    expect(streamEntries({ stream: entries }, true)).toHaveLength(2);
    expect(streamEntries(new Map([['stream', entries]]), true)).toHaveLength(2);
    expect(streamEntries(null, true)).toEqual([]);
  });

  it('ignores what is not an entry', () => {
    expect(streamEntries('OK')).toEqual([]);
    expect(streamEntries([1, [2, []], ['x', ['odd']]])).toEqual([{ id: 'x', fields: new Map() }]);
  });

  it('reads the time of a stream id', () => {
    expect(streamIdTime('1700000000123-7')).toBe(1_700_000_000_123);
    expect(streamIdTime('42')).toBe(42);
  });
});
