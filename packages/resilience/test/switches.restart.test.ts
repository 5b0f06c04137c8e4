import { RedisServer } from '@mallkit/internal-harness';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisSwitchBus } from '../src/switches/RedisSwitchBus.js';
import { SwitchBoard } from '../src/switches/SwitchBoard.js';
import { nextChange, switches } from './fixtures/switchBoards.js';

describe('SwitchBoard through a Redis restart', () => {
  let server: RedisServer;
  const clients: Redis[] = [];
  const closers: Array<() => Promise<void> | void> = [];

  /** A node with ioredis's default reconnection, reporting connection errors nowhere. */
  function node() {
    const client = new Redis(server.url);
    client.on('error', () => {});
    const subscriber = client.duplicate();
    subscriber.on('error', () => {});
    clients.push(client, subscriber);
    const bus = new RedisSwitchBus(client, { subscriber });
    const board = new SwitchBoard({ switches, bus });
    closers.push(async () => {
      board.close();
      await bus.close();
    });
    return board;
  }

  beforeAll(async () => {
    // Every write reaches the AOF before it is acknowledged, so a killed server keeps it.
    server = await RedisServer.start({
      name: 'switches-restart',
      args: ['--appendonly', 'yes', '--appendfsync', 'always'],
    });
  });
  afterAll(async () => {
    for (const close of closers) await close();
    for (const client of clients) client.disconnect();
    await server.stop();
  });

  it('keeps every board in step across a crash, and flips made meanwhile arrive', async () => {
    const a = node();
    const b = node();
    await Promise.all([a.ready(), b.ready()]);
    const first = nextChange(b, 'recommendations.off');
    await a.set('recommendations.off', true);
    await first;

    await server.kill();
    // Flipped during the outage: applied here at once, stored and broadcast once
    // Redis is back (ioredis queues the command meanwhile).
    const seenByB = nextChange(b, 'cache.serveStale');
    const stored = a.set('cache.serveStale', true);
    expect(a.isOn('cache.serveStale')).toBe(true);
    await server.restart();
    await stored;
    // b gets it by message if its subscriber was back in time, else by the reload that
    // follows the subscriber's reconnection: either way it arrives.
    expect(await seenByB).toMatchObject({ on: true, source: 'remote' });

    // live flips flow again after the restart
    const live = nextChange(a, 'search.off');
    await b.set('search.off', true);
    expect(await live).toMatchObject({ on: true, source: 'remote' });

    // and the state survived the crash for boards that start now
    const late = node();
    await late.ready();
    expect(late.list().map((s) => s.on)).toEqual([true, true, true]);
  });
});
