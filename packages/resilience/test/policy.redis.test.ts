import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RedisServer } from '@mallkit/internal-harness';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DependencyPolicy, isResilienceError } from '../src/index.js';

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    return `value:${String(await promise)}`;
  } catch (error) {
    return isResilienceError(error) ? error.code : 'error';
  }
}

describe('a Redis call under the redis preset, with Redis killed mid-test', () => {
  let server: RedisServer;
  let client: Redis;
  beforeAll(async () => {
    server = await RedisServer.start({ name: 'policy-kill' });
    client = new Redis(server.url, { retryStrategy: () => 20 });
    client.on('error', () => {}); // reconnect attempts while the server is down
    await client.set('product:1', 'phone');
  });
  afterAll(async () => {
    client.disconnect();
    await server.stop();
  });

  it('answers within the deadline while Redis is down, opens the circuit, and closes it after Redis is back', async () => {
    const policy = new DependencyPolicy({
      name: 'redis-products',
      preset: 'redis',
      timeoutMs: 250, // generous for a loaded CI machine; Redis down still means timeouts
      breaker: { kind: 'consecutive', threshold: 3, halfOpenAfterMs: 2000 },
    });
    const states: string[] = [];
    policy.events.on('breaker.state', (e) => states.push(e.to));
    const get = () => policy.execute(() => client.get('product:1'), { idempotent: true });

    expect(await outcome(get())).toBe('value:phone');
    const reconnecting = once(client, 'reconnecting');
    await server.kill();
    await reconnecting;
    // The client queues commands while it reconnects; only the policy's deadline ends
    // them. Each call either times out (twice: it is idempotent, so it is retried once)
    // or has its retry refused because three timeouts opened the circuit meanwhile.
    const down = await Promise.all([outcome(get()), outcome(get()), outcome(get())]);
    for (const result of down) expect(['TIMEOUT', 'CIRCUIT_OPEN']).toContain(result);
    expect(policy.stats().state).toBe('open');
    expect(policy.stats().timeouts).toBeGreaterThanOrEqual(3);
    expect(await outcome(get())).toBe('CIRCUIT_OPEN');

    await server.restart();
    await once(client, 'ready');
    await client.set('product:1', 'phone'); // the private server keeps nothing on disk
    const open = await get().catch((error: unknown) => error);
    expect(isResilienceError(open) && open.code).toBe('CIRCUIT_OPEN');
    // Wait out the breaker's own schedule, as its error says, then the probe closes it.
    const wait = (open as { retryAfterMs: number }).retryAfterMs;
    await new Promise((resolve) => setTimeout(resolve, wait + 1));
    expect(await outcome(get())).toBe('value:phone');
    expect(states).toEqual(['open', 'halfOpen', 'closed']);
  });
});

describe('a timed-out HTTP call', () => {
  const hanging: IncomingMessage[] = [];
  const server = createServer((request) => {
    hanging.push(request); // never answers
  });
  let url: string;
  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slow`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('gives back its bulkhead slot and closes its connection at the deadline', async () => {
    const policy = new DependencyPolicy({
      name: 'wms',
      preset: 'http',
      timeoutMs: 50,
      bulkhead: { concurrency: 1 },
      retry: false,
    });
    const arrived = once(server, 'request');
    const call = outcome(policy.execute(({ signal }) => fetch(url, { signal })));
    const [request] = (await arrived) as [IncomingMessage];
    const closed = once(request.socket, 'close');
    expect(await call).toBe('TIMEOUT');
    expect(policy.stats().running).toBe(0);
    await closed;
    expect(request.socket.destroyed).toBe(true);
  });
});
