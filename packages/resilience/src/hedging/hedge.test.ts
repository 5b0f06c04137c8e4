import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hedge } from './hedge.js';

interface Pending {
  signal: AbortSignal;
  resolve: (value: string) => void;
  reject: (error: Error) => void;
}

function controllable() {
  const calls: Pending[] = [];
  const fn = ({ signal }: { signal: AbortSignal }) =>
    new Promise<string>((resolve, reject) => calls.push({ signal, resolve, reject }));
  return { calls, fn };
}

describe('hedge', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends no backup when the first request answers within the delay', async () => {
    const { calls, fn } = controllable();
    const result = hedge(fn, { delayMs: 50 });
    await vi.advanceTimersByTimeAsync(49);
    calls[0]?.resolve('first');
    expect(await result).toBe('first');
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toHaveLength(1);
  });

  it('sends a backup after the delay, takes the first answer and aborts the other', async () => {
    const { calls, fn } = controllable();
    const result = hedge(fn, { delayMs: 50 });
    await vi.advanceTimersByTimeAsync(50);
    expect(calls).toHaveLength(2);
    calls[1]?.resolve('backup');
    expect(await result).toBe('backup');
    expect(calls[0]?.signal.aborted).toBe(true);
    expect(calls[1]?.signal.aborted).toBe(false);
  });

  it('sends the next backup at once when every request so far failed, and fails only when all did', async () => {
    const { calls, fn } = controllable();
    const result = hedge(fn, { delayMs: 1000, maxHedges: 2 });
    const outcome = result.catch((error: Error) => error.message);
    await vi.advanceTimersByTimeAsync(0);
    calls[0]?.reject(new Error('one'));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    calls[1]?.reject(new Error('two'));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(3);
    calls[2]?.reject(new Error('three'));
    expect(await outcome).toBe('three');
  });

  it('aborts everything when the caller aborts', async () => {
    const { calls, fn } = controllable();
    const controller = new AbortController();
    const result = hedge(fn, { delayMs: 10, signal: controller.signal }).catch(
      (e: Error) => e.message,
    );
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(new Error('gone'));
    expect(await result).toBe('gone');
    expect(calls.map((c) => c.signal.aborted)).toEqual([true, true]);
  });

  it('rejects a bad maxHedges at the call', () => {
    expect(() => hedge(() => 1, { delayMs: 1, maxHedges: -1 })).toThrow(/hedge.maxHedges/);
  });
});
