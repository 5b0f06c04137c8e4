import { createServer } from 'node:net';

/** Whether `port` can be bound on 127.0.0.1 right now. */
export function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

/**
 * A loopback port that is free now, and — with `withBusPort` — whose Redis Cluster
 * bus port (port + 10000) is free too. Another process may still take it before the
 * caller binds it: callers retry on EADDRINUSE.
 */
export async function freePort(options: { withBusPort?: boolean } = {}): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 25000);
    if (!(await canBind(port))) continue;
    if (options.withBusPort && !(await canBind(port + 10000))) continue;
    return port;
  }
  throw new Error('harness: found no free loopback port in 200 tries');
}
