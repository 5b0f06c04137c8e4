import { describe, expect, it } from 'vitest';
import { Broadcaster, type BroadcastHandlers } from './Broadcaster.js';
import type { BusMessage } from './BusMessage.js';
import { MemoryBus } from './MemoryBus.js';

function recorder(): BroadcastHandlers & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    invalidate: (keys) => log.push(`invalidate ${keys.join(',')}`),
    clear: (reason) => log.push(`clear ${reason}`),
    hot: (keys, ttl) => log.push(`hot ${keys.join(',')} ${ttl}`),
    error: (error) => log.push(`error ${String(error)}`),
  };
}

async function started(bus: MemoryBus) {
  const handlers = recorder();
  const broadcaster = new Broadcaster(
    bus,
    'ns',
    { maxKeysPerMessage: 2, heartbeatMs: 0 },
    handlers,
  );
  await broadcaster.start();
  return { broadcaster, log: handlers.log };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));
const msg = (m: Partial<BusMessage>): BusMessage => ({
  type: 'invalidate',
  namespace: 'ns',
  keys: [],
  origin: 'o',
  seq: 1,
  ...m,
});

describe('Broadcaster', () => {
  it('batches the keys of one turn into messages of at most maxKeysPerMessage', async () => {
    const bus = new MemoryBus();
    const sent: BusMessage[] = [];
    await bus.subscribe(
      (m) => sent.push(m),
      () => {},
    );
    const { broadcaster } = await started(bus);
    await Promise.all([broadcaster.invalidate(['a', 'b']), broadcaster.invalidate(['c', 'a'])]);
    await flush();
    expect(sent.map((m) => [m.keys, m.seq])).toEqual([
      [['a', 'b'], 1],
      [['c'], 2],
    ]);
  });

  it('ignores its own messages and other namespaces', async () => {
    const bus = new MemoryBus();
    const { broadcaster, log } = await started(bus);
    await broadcaster.invalidate(['mine']);
    await bus.publish(msg({ namespace: 'other', keys: ['x'] }));
    await flush();
    expect(log).toEqual([]);
  });

  it('detects a jump in a sender sequence and a heartbeat ahead of what was received', async () => {
    const bus = new MemoryBus();
    const { log } = await started(bus);
    await bus.publish(msg({ seq: 4, keys: ['a'] })); // first contact, sender older than us: accepted
    await bus.publish(msg({ seq: 5, keys: ['b'] }));
    await bus.publish(msg({ seq: 7, keys: ['c'] })); // 6 lost
    await bus.publish(msg({ type: 'heartbeat', seq: 7 }));
    await bus.publish(msg({ type: 'heartbeat', seq: 8 })); // 8 lost
    await flush();
    expect(log).toEqual(['invalidate a', 'invalidate b', 'clear gap', 'invalidate c', 'clear gap']);
  });

  it('expects seq 1 from a sender that started after it subscribed', async () => {
    const bus = new MemoryBus();
    const { log } = await started(bus);
    await bus.publish(msg({ seq: 2, keys: ['a'], since: Date.now() + 1 }));
    await flush();
    expect(log).toEqual(['clear gap', 'invalidate a']);
  });

  it('a node that lost the first message of a sender started after it subscribed drops its L1', async () => {
    const bus = new MemoryBus();
    const receiver = await started(bus);
    // The sender publishes through a bus that loses its first message.
    let dropped = 0;
    const lossy = {
      subscribe: bus.subscribe.bind(bus),
      publish: (message: BusMessage) =>
        dropped++ === 0 ? Promise.resolve() : bus.publish(message),
    };
    const sender = new Broadcaster(
      lossy,
      'ns',
      { maxKeysPerMessage: 10, heartbeatMs: 0 },
      recorder(),
    );
    await sender.start();
    await sender.invalidate(['lost']);
    await sender.invalidate(['seen']);
    await flush();
    expect(receiver.log).toEqual(['clear gap', 'invalidate seen']);
    await sender.close();
  });

  it('drops everything on a bus reset, without flagging later messages of known senders', async () => {
    const bus = new MemoryBus();
    const { log } = await started(bus);
    const since = Date.now() - 1000;
    await bus.publish(msg({ seq: 1, keys: ['a'], since }));
    await flush();
    bus.reset();
    await bus.publish(msg({ seq: 3, keys: ['b'], since }));
    await flush();
    expect(log).toEqual(['invalidate a', 'clear reset', 'invalidate b']);
  });
});
