import { EventEmitter, once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { MemoryTransport } from '../transport/MemoryTransport.js';
import type { ConsumerLag } from './ConsumerLag.js';
import { LagMonitor } from './LagMonitor.js';

describe('LagMonitor', () => {
  it('measures at once and then every interval, keeping the latest', async () => {
    const transport = new MemoryTransport({ partitions: 2 });
    await transport.publish('t', [
      { key: 'a', id: '1', body: '' },
      { key: 'b', id: '2', body: '' },
    ]);
    const monitor = new LagMonitor({ source: transport, topic: 't', group: 'g', intervalMs: 5 });
    const seen = new EventEmitter();
    const measured: ConsumerLag[] = [];
    monitor.events.on('lag', (lag) => {
      measured.push(lag);
      if (measured.length === 3) seen.emit('three');
    });
    const three = once(seen, 'three');
    monitor.start();
    await three;
    monitor.stop();
    expect(measured.every((lag) => lag.messages === 2 && lag.group === 'g')).toBe(true);
    expect(monitor.latest()).toBe(measured.at(-1));
  });

  it('reports a failed measurement as an event and a rejection', async () => {
    const error = new Error('redis down');
    const monitor = new LagMonitor({
      source: { consumerLag: () => Promise.reject(error) },
      topic: 't',
      group: 'g',
    });
    const failures: unknown[] = [];
    monitor.events.on('error', (e) => failures.push(e.error));
    await expect(monitor.check()).rejects.toBe(error);
    expect(failures).toEqual([error]);
    expect(monitor.latest()).toBeUndefined();
  });
});
