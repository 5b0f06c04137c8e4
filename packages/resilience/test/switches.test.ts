import { once } from 'node:events';
import { harness } from '@mallkit/internal-harness/vitest';
import { Cluster, Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { RedisSwitchBus } from '../src/switches/RedisSwitchBus.js';
import { SwitchBoard } from '../src/switches/SwitchBoard.js';
import { nextChange, switches } from './fixtures/switchBoards.js';

/** A fresh hash/channel per test so tests cannot see each other's flips. */
function uniqueKey(): string {
  return `test:switches:${Math.random().toString(36).slice(2)}`;
}

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanup.length > 0) await cleanup.pop()?.();
});

/** A node: its own command connection, a bus subscribing on a duplicate, and a board. */
function node(key: string, options: { subscriber?: Redis; resyncMs?: number } = {}) {
  const client = new Redis(harness().redis.url);
  const bus = new RedisSwitchBus(client, {
    key,
    ...(options.subscriber ? { subscriber: options.subscriber } : {}),
    ...(options.resyncMs !== undefined ? { resyncMs: options.resyncMs } : {}),
  });
  const board = new SwitchBoard({ switches, bus });
  cleanup.push(async () => {
    board.close();
    await bus.close();
    client.disconnect();
  });
  return { client, bus, board };
}

describe('SwitchBoard over Redis', () => {
  it('applies a flip made on one node on the other, as a remote change', async () => {
    const key = uniqueKey();
    const a = node(key);
    const b = node(key);
    await Promise.all([a.board.ready(), b.board.ready()]);

    const seenByB = nextChange(b.board, 'recommendations.off');
    const seenByA = nextChange(a.board, 'recommendations.off');
    await a.board.set('recommendations.off', true);
    expect(await seenByA).toEqual({
      board: 'switches',
      name: 'recommendations.off',
      on: true,
      source: 'local',
    });
    expect(await seenByB).toEqual({
      board: 'switches',
      name: 'recommendations.off',
      on: true,
      source: 'remote',
    });
    expect(b.board.isOn('recommendations.off')).toBe(true);
    await expect(b.board.run('recommendations.off', () => ['live'], [])).resolves.toEqual([]);

    const offAgain = nextChange(a.board, 'recommendations.off');
    await b.board.set('recommendations.off', false);
    expect(await offAgain).toMatchObject({ on: false, source: 'remote' });
    expect(a.board.isOn('recommendations.off')).toBe(false);
  });

  it('loads the current state into a board created after the flip', async () => {
    const key = uniqueKey();
    const a = node(key);
    await a.board.ready();
    await a.board.set('cache.serveStale', true);
    await a.board.set('search.off', true);
    await a.board.set('search.off', false);

    const late = node(key);
    const loaded = nextChange(late.board, 'cache.serveStale');
    await late.board.ready();
    expect(await loaded).toMatchObject({ on: true, source: 'remote' });
    expect(late.board.list()).toEqual([
      { name: 'recommendations.off', on: false, defaultOn: false },
      { name: 'cache.serveStale', on: true, defaultOn: false },
      { name: 'search.off', on: false, defaultOn: false },
    ]);
  });

  it('reloads the state when its subscriber reconnects, catching flips it missed', async () => {
    const key = uniqueKey();
    const a = node(key);
    const subscriber = new Redis(harness().redis.url);
    cleanup.push(() => subscriber.disconnect());
    const b = node(key, { subscriber });
    await Promise.all([a.board.ready(), b.board.ready()]);

    const closed = once(subscriber, 'end');
    subscriber.disconnect();
    await closed; // b is deaf from now on
    await a.board.set('search.off', true);
    await a.board.set('cache.serveStale', true);
    expect(b.board.isOn('search.off')).toBe(false);

    const caughtUp = Promise.all([
      nextChange(b.board, 'search.off'),
      nextChange(b.board, 'cache.serveStale'),
    ]);
    await subscriber.connect();
    expect(await caughtUp).toMatchObject([
      { on: true, source: 'remote' },
      { on: true, source: 'remote' },
    ]);

    // and it follows live flips again
    const live = nextChange(b.board, 'search.off');
    await a.board.set('search.off', false);
    expect(await live).toMatchObject({ on: false, source: 'remote' });
  });

  it('picks up a change whose message was lost at the next resync', async () => {
    const key = uniqueKey();
    const a = node(key, { resyncMs: 100 });
    await a.board.ready();
    const seen = nextChange(a.board, 'search.off');
    // stored without a message, as if the message had been lost
    await a.client.hset(key, 'search.off', `${Date.now() * 1000} 1`);
    expect(await seen).toMatchObject({ on: true, source: 'remote' });
  });

  it('converges on the stored state when nodes flip the same switch at once', async () => {
    const key = uniqueKey();
    const a = node(key);
    const b = node(key);
    await Promise.all([a.board.ready(), b.board.ready()]);

    for (let round = 0; round < 20; round++) {
      await Promise.all([
        a.board.set('recommendations.off', round % 2 === 0),
        b.board.set('recommendations.off', round % 2 === 1),
      ]);
    }
    // Pub/sub keeps the order of one channel: once a later flip of another switch has
    // reached both boards, every earlier flip has too.
    const barrier = Promise.all([
      nextChange(a.board, 'search.off'),
      nextChange(b.board, 'search.off'),
    ]);
    await a.board.set('search.off', true);
    await barrier;

    const stored = (await a.client.hget(key, 'recommendations.off'))?.endsWith(' 1');
    expect(a.board.isOn('recommendations.off')).toBe(stored);
    expect(b.board.isOn('recommendations.off')).toBe(stored);
  });

  it('ignores switches a board does not declare', async () => {
    const key = uniqueKey();
    const a = node(key);
    const client = new Redis(harness().redis.url);
    const bus = new RedisSwitchBus(client, { key });
    const narrow = new SwitchBoard({ switches: { 'search.off': false }, bus });
    cleanup.push(async () => {
      narrow.close();
      await bus.close();
      client.disconnect();
    });
    await Promise.all([a.board.ready(), narrow.ready()]);

    const seen = nextChange(narrow, 'search.off');
    await a.board.set('recommendations.off', true); // unknown to `narrow`
    await a.board.set('search.off', true);
    await seen;
    expect(narrow.list()).toEqual([{ name: 'search.off', on: true, defaultOn: false }]);
  });

  it('closes the subscriber it created and leaves the given client open', async () => {
    const client = new Redis(harness().redis.url);
    cleanup.push(() => client.disconnect());
    const bus = new RedisSwitchBus(client, { key: uniqueKey() });
    const board = new SwitchBoard({ switches, bus });
    await board.ready();
    const subscribers = async () =>
      Number((await client.pubsub('NUMSUB', bus.channel))[1] as string | number);
    expect(await subscribers()).toBe(1);
    board.close();
    await bus.close();
    // The subscriber's socket is gone; the server may take a moment to notice.
    await expect.poll(subscribers).toBe(0);
    expect(await client.ping()).toBe('PONG');
  });

  it('rejects a client that is not one, and a missing subscriber without duplicate()', () => {
    expect(() => new RedisSwitchBus({} as never)).toThrow(/"redisSwitchBus.client"/);
    expect(
      () =>
        new RedisSwitchBus({
          eval: async () => '1',
          hgetall: async () => ({}),
        }),
    ).toThrow(/"redisSwitchBus.subscriber" must be given when the client has no duplicate\(\)/);
    const lazy = new Redis({ lazyConnect: true });
    expect(() => new RedisSwitchBus(lazy, { key: '' })).toThrow(/"redisSwitchBus.key"/);
    expect(() => new RedisSwitchBus(lazy, { resyncMs: -1 })).toThrow(/"redisSwitchBus.resyncMs"/);
  });
});

describe('SwitchBoard over Redis Cluster', () => {
  const clients: Cluster[] = [];
  afterAll(() => {
    for (const client of clients) client.disconnect();
  });

  it('shares flips between nodes through the cluster', async () => {
    const key = uniqueKey();
    const boards = [0, 1].map(() => {
      const client = new Cluster(harness().cluster.seeds);
      clients.push(client);
      const bus = new RedisSwitchBus(client, { key });
      const board = new SwitchBoard({ switches, bus });
      cleanup.push(async () => {
        board.close();
        await bus.close();
      });
      return board;
    });
    const [a, b] = boards as [SwitchBoard, SwitchBoard];
    await Promise.all([a.ready(), b.ready()]);

    const seen = nextChange(b, 'recommendations.off');
    await a.set('recommendations.off', true);
    expect(await seen).toMatchObject({ on: true, source: 'remote' });

    const lateBus = new RedisSwitchBus(clients[0] as Cluster, { key });
    const late = new SwitchBoard({ switches, bus: lateBus });
    cleanup.push(async () => {
      late.close();
      await lateBus.close();
    });
    await late.ready();
    expect(late.isOn('recommendations.off')).toBe(true);
  });
});
