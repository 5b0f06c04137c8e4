import type { Cluster, Redis } from 'ioredis';

/** The client `@mallkit/cache/redis` works with: your ioredis `Redis` or `Cluster`. */
export type RedisClient = Redis | Cluster;

/** Whether `client` is an ioredis `Cluster`. */
export function isCluster(client: RedisClient): client is Cluster {
  return (client as { isCluster?: boolean }).isCluster === true;
}
