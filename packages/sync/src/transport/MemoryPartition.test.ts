import { describe, expect, it } from 'vitest';
import { MemoryPartition } from './MemoryPartition.js';

const messages = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ key: 'k', id: `m${i}`, body: '' }));

describe('MemoryPartition', () => {
  it('keeps entries until every group acknowledged them', () => {
    const partition = new MemoryPartition();
    partition.append(messages(5), 1);
    expect(partition.trim()).toBe(0); // no group: nobody read anything
    const fast = partition.cursor('fast');
    const slow = partition.cursor('slow');
    fast.lastDelivered = 5;
    slow.lastDelivered = 3;
    slow.pending.set(2, { consumer: 'c', deliveries: 1 });
    slow.pending.set(3, { consumer: 'c', deliveries: 1 });
    expect(partition.trim()).toBe(1); // only entry 1: entry 2 is pending for slow
    expect(partition.entry(1)).toBeUndefined();
    expect(partition.entry(2)?.message.id).toBe('m1');
    slow.pending.clear();
    expect(partition.trim()).toBe(2);
    slow.lastDelivered = 5;
    expect(partition.trim()).toBe(2);
    expect(partition.length).toBe(0);
  });

  it('starts a new group at the oldest kept entry', () => {
    const partition = new MemoryPartition();
    partition.append(messages(3), 1);
    const a = partition.cursor('a');
    a.lastDelivered = 3;
    partition.trim();
    partition.append(messages(1), 2);
    expect(partition.cursor('b').lastDelivered).toBe(3);
  });

  it('wakes readers on append', () => {
    const partition = new MemoryPartition();
    let woken = 0;
    partition.onAppend(() => woken++);
    const cancel = partition.onAppend(() => woken++);
    cancel();
    partition.append(messages(1), 1);
    partition.append(messages(1), 1);
    expect(woken).toBe(1);
  });
});
