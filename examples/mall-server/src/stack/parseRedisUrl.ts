/** Where Redis is: one server, or the seeds of a Cluster. */
export type RedisTarget =
  | { kind: 'standalone'; url: string }
  | { kind: 'cluster'; seeds: Array<{ host: string; port: number }>; password?: string };

/**
 * Reads `REDIS_URL`: `redis://[:password@]host:port[/db]` for one server, or
 * `redis+cluster://[:password@]host1:port1,host2:port2` for a Cluster's seed nodes.
 */
export function parseRedisUrl(url: string): RedisTarget {
  const cluster = /^redis\+cluster:\/\/(?:(?::)?([^@]*)@)?(.+)$/.exec(url);
  if (cluster === null) {
    if (!/^rediss?:\/\//.test(url)) throw new Error(`REDIS_URL "${url}" is not a redis:// URL`);
    return { kind: 'standalone', url };
  }
  const seeds = (cluster[2] ?? '').split(',').map((part) => {
    const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(part.trim());
    if (match === null) throw new Error(`REDIS_URL seed "${part}" is not host:port`);
    return { host: match[1] as string, port: Number(match[2]) };
  });
  const password = cluster[1] === undefined ? undefined : decodeURIComponent(cluster[1]);
  return password === undefined || password === ''
    ? { kind: 'cluster', seeds }
    : { kind: 'cluster', seeds, password };
}
