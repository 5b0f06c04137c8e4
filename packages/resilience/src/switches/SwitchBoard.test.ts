import { describe, expect, it } from 'vitest';
import { DegradedError } from '../errors/DegradedError.js';
import { isResilienceError } from '../errors/ResilienceError.js';
import type { RejectionEvent } from '../observability/RejectionEvent.js';
import { SwitchBoard } from './SwitchBoard.js';
import type { SwitchBoardOptions } from './SwitchBoardOptions.js';
import type { SwitchBus } from './SwitchBus.js';
import type { SwitchChangedEvent } from './SwitchChangedEvent.js';
import type { SwitchUpdate } from './SwitchUpdate.js';

const declared = { 'recommendations.off': false, 'cache.serveStale': true };

function codeOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return isResilienceError(error) ? [error.code, (error as { option?: string }).option] : error;
  }
  return undefined;
}

describe('SwitchBoard (local)', () => {
  it('starts with the declared defaults and flips with set()', async () => {
    const board = new SwitchBoard({ switches: declared });
    const changes: SwitchChangedEvent[] = [];
    board.events.on('switch.changed', (e) => changes.push(e));
    await board.ready();
    expect(board.isOn('recommendations.off')).toBe(false);
    expect(board.isOn('cache.serveStale')).toBe(true);

    await board.set('recommendations.off', true);
    await board.set('recommendations.off', true); // no flip, no event
    expect(board.isOn('recommendations.off')).toBe(true);
    expect(changes).toEqual([
      { board: 'switches', name: 'recommendations.off', on: true, source: 'local' },
    ]);
    expect(board.list()).toEqual([
      { name: 'recommendations.off', on: true, defaultOn: false },
      { name: 'cache.serveStale', on: true, defaultOn: true },
    ]);
  });

  it('run() calls fn while off, and serves the fallback value or function while on', async () => {
    const board = new SwitchBoard({ switches: declared });
    await expect(board.run('recommendations.off', () => ['sku-1'], [])).resolves.toEqual(['sku-1']);
    await board.set('recommendations.off', true);
    let called = false;
    const live = () => {
      called = true;
      return ['sku-1'];
    };
    await expect(board.run('recommendations.off', live, [])).resolves.toEqual([]);
    await expect(board.run('recommendations.off', live, () => ['top-seller'])).resolves.toEqual([
      'top-seller',
    ]);
    await expect(board.run('recommendations.off', live, async () => ['cached'])).resolves.toEqual([
      'cached',
    ]);
    expect(called).toBe(false);
    expect(board.stats().switches[0]).toMatchObject({ fallbacks: 3, rejections: 0, changes: 1 });
  });

  it('run() without a fallback rejects with DegradedError and emits rejected', async () => {
    const board = new SwitchBoard({ name: 'shop', switches: declared });
    const rejected: RejectionEvent[] = [];
    board.events.on('rejected', (e) => rejected.push(e));
    await board.set('recommendations.off', true);
    const error = await board.run('recommendations.off', () => 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DegradedError);
    expect((error as DegradedError).switchName).toBe('recommendations.off');
    expect(rejected).toEqual([{ source: 'switch', name: 'recommendations.off', code: 'DEGRADED' }]);
    expect(board.stats()).toMatchObject({
      name: 'shop',
      switches: [{ name: 'recommendations.off', rejections: 1 }, { name: 'cache.serveStale' }],
    });
  });

  it('refuses undeclared and invalid names', async () => {
    const board = new SwitchBoard({ switches: declared });
    expect(codeOf(() => board.isOn('recommendation.off'))).toEqual(['INVALID_OPTION', 'name']);
    expect(String(await board.set('search.off', true).catch((e: unknown) => e))).toMatch(
      /"name" must be a switch declared on board "switches" \(recommendations.off, cache.serveStale\)/,
    );
    expect(String(await board.run('', () => 1).catch((e: unknown) => e))).toMatch(
      /"name" must be a switch name/,
    );
    const notBoolean = await board.set('cache.serveStale', 'yes' as never).catch((e: unknown) => e);
    expect(isResilienceError(notBoolean) && notBoolean.code).toBe('INVALID_OPTION');
    expect(board.isOn('cache.serveStale')).toBe(true);
  });

  it.each([
    [{ switches: { '': false } }, 'switchBoard.switches key'],
    [{ switches: { 'has space': false } }, 'switchBoard.switches key'],
    [{ switches: { [`a${'b'.repeat(128)}`]: false } }, 'switchBoard.switches key'],
    [{ switches: { '.hidden': false } }, 'switchBoard.switches key'],
    [{ switches: { 'search.off': 'no' } }, 'switchBoard.switches.search.off'],
    [{ switches: 'search.off' }, 'switchBoard.switches'],
    [{ bus: {} }, 'switchBoard.bus'],
  ])('rejects %o naming %s', (options, option) => {
    expect(codeOf(() => new SwitchBoard(options as unknown as SwitchBoardOptions))).toEqual([
      'INVALID_OPTION',
      option,
    ]);
  });

  it('accepts names up to 128 characters of the allowed set', () => {
    const name = `a${'b'.repeat(127)}`;
    const board = new SwitchBoard({ switches: { [name]: true, 'x/y:z_1-2': false } });
    expect(board.isOn(name)).toBe(true);
  });
});

/**
 * A SwitchBus in memory whose writes complete when the test says so, to check how a
 * board orders its own pending writes against remote updates. The Redis behaviour itself
 * is tested against real Redis in test/switches.test.ts.
 */
class ControlledBus implements SwitchBus {
  readonly listeners = new Set<(update: SwitchUpdate) => void>();
  readonly writes: Array<{ name: string; on: boolean; complete: (version: number) => void }> = [];
  stored: SwitchUpdate[] = [];

  async attach(listener: (update: SwitchUpdate) => void): Promise<void> {
    this.listeners.add(listener);
    for (const update of this.stored) listener(update);
  }

  detach(listener: (update: SwitchUpdate) => void): void {
    this.listeners.delete(listener);
  }

  publish(name: string, on: boolean): Promise<number> {
    return new Promise((resolve) => this.writes.push({ name, on, complete: resolve }));
  }

  remote(update: SwitchUpdate): void {
    for (const listener of this.listeners) listener(update);
  }
}

describe('SwitchBoard with a bus', () => {
  it('loads the stored state as remote changes', async () => {
    const bus = new ControlledBus();
    bus.stored = [
      { name: 'recommendations.off', on: true, version: 5 },
      { name: 'unknown.here', on: true, version: 6 },
    ];
    const board = new SwitchBoard({ switches: declared, bus });
    await board.ready();
    expect(board.isOn('recommendations.off')).toBe(true);
  });

  it('applies newer remote updates only, and emits them as remote', async () => {
    const bus = new ControlledBus();
    const board = new SwitchBoard({ switches: declared, bus });
    const changes: SwitchChangedEvent[] = [];
    board.events.on('switch.changed', (e) => changes.push(e));
    bus.remote({ name: 'recommendations.off', on: true, version: 10 });
    bus.remote({ name: 'recommendations.off', on: false, version: 9 }); // stale
    expect(board.isOn('recommendations.off')).toBe(true);
    expect(changes).toEqual([
      { board: 'switches', name: 'recommendations.off', on: true, source: 'remote' },
    ]);
  });

  it('holds remote updates back while its own write is pending, then keeps the newest', async () => {
    const bus = new ControlledBus();
    const board = new SwitchBoard({ switches: declared, bus });
    const changes: string[] = [];
    board.events.on('switch.changed', (e) => changes.push(`${e.on}/${e.source}`));

    // an older remote flip arrives while our write is in flight: it must not flap
    const first = board.set('recommendations.off', true);
    bus.remote({ name: 'recommendations.off', on: false, version: 20 });
    expect(board.isOn('recommendations.off')).toBe(true);
    bus.writes[0]?.complete(21);
    await first;
    expect(board.isOn('recommendations.off')).toBe(true);

    // a newer remote flip arrives while our write is in flight: it wins afterwards
    const second = board.set('cache.serveStale', false);
    bus.remote({ name: 'cache.serveStale', on: true, version: 31 });
    expect(board.isOn('cache.serveStale')).toBe(false);
    bus.writes[1]?.complete(30);
    await second;
    expect(board.isOn('cache.serveStale')).toBe(true);
    expect(changes).toEqual(['true/local', 'false/local', 'true/remote']);
  });

  it('stops following the bus once closed', async () => {
    const bus = new ControlledBus();
    const board = new SwitchBoard({ switches: declared, bus });
    board.close();
    bus.remote({ name: 'recommendations.off', on: true, version: 1 });
    expect(board.isOn('recommendations.off')).toBe(false);
    expect(bus.listeners.size).toBe(0);
    await board.set('recommendations.off', true);
    expect(bus.writes).toHaveLength(0);
  });

  it('keeps the local state and rejects when the bus cannot store a change', async () => {
    const board = new SwitchBoard({
      switches: declared,
      bus: {
        attach: async () => {},
        detach: () => {},
        publish: () => Promise.reject(new Error('redis down')),
      },
    });
    await expect(board.set('recommendations.off', true)).rejects.toThrow('redis down');
    expect(board.isOn('recommendations.off')).toBe(true);
  });
});
