import { randomBytes } from 'node:crypto';
import { TestDatabase } from '@mallkit/internal-harness';
import { harness } from '@mallkit/internal-harness/vitest';
import { expect } from 'vitest';
import {
  adminToken,
  type HttpAnswer,
  type MallProcess,
  MallProcesses,
} from '../fixtures/mallProcess.ts';

// Three `node src/main.ts` processes on the real stack (the harness's Redis Cluster and a
// MariaDB database of this file's own), driven over loopback HTTP like a deployment
// behind a load balancer.

export const processes = new MallProcesses();
export const prefix = `mall-mp-${process.pid}-${randomBytes(3).toString('hex')}:`;
let database: TestDatabase | undefined;
let servers: MallProcess[] = [];
/** The three servers, in start order. */
export const deploymentServers = (): MallProcess[] => servers;
/** The environment every server of this file runs with (`SEED_DEMO` aside). */
let env: Record<string, string> = {};
/** The environment every server runs with (`SEED_DEMO` aside). */
export const deploymentEnv = (): Record<string, string> => env;

export const server = (i: number): MallProcess => {
  const s = servers[i];
  if (s === undefined) throw new Error(`server ${i} did not start`);
  return s;
};

export const admin = async (
  s: MallProcess,
  method: 'POST' | 'PUT',
  path: string,
  body: unknown,
): Promise<HttpAnswer> => {
  const answer = await s.request(method, path, { token: adminToken, body });
  if (answer.status >= 300) {
    throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer;
};

/** A warehouse with `quantity` units of a new SKU, through the admin API. */
export const stockUp = async (s: MallProcess, sku: string, warehouse: string, quantity: number) => {
  await admin(s, 'PUT', `/api/admin/warehouses/${warehouse}`, {});
  await admin(s, 'PUT', `/api/admin/skus/${sku}`, {});
  await admin(s, 'POST', '/api/admin/stock/restock', {
    sku,
    warehouse,
    quantity,
    receiptNo: `${sku}-receipt`,
  });
};

export const stockOf = async (s: MallProcess, sku: string) => {
  const answer = await s.request('GET', `/api/stock/${sku}`);
  expect(answer.status).toBe(200);
  return answer.body as { physical: number; reserved: number; activity: number; sellable: number };
};

/** Starts the three servers (the first one seeds). */
export async function startDeployment(): Promise<void> {
  const { cluster, mysql } = harness();
  database = await TestDatabase.create(mysql.serverUrl, 'mall_mp');
  env = {
    REDIS_URL: `redis+cluster://${cluster.seeds.map((s) => `${s.host}:${s.port}`).join(',')}`,
    REDIS_REPLICAS: '0',
    MYSQL_URL: database.url,
    MYSQL_REPLICA_URLS: '',
    REDIS_PREFIX: prefix,
    HOST: '127.0.0.1',
    FULL_SYNC_EVERY_MS: '0',
    WMS_SIMULATOR: '0',
    LOG_LEVEL: 'warn',
    CLIENT_RPS: '1000000',
    // A dead writer's flash-sale entries are taken over after 1 s (30 s by default).
    FLASH_CLAIM_IDLE_MS: '1000',
  };
  // The first one migrates and seeds; the others find the catalogue there.
  const started = performance.now();
  const first = await processes.start({ instance: 'mp-a', env: { ...env, SEED_DEMO: '1' } });
  const seededMs = performance.now() - started;
  const others = await Promise.all(
    ['mp-b', 'mp-c'].map((instance) =>
      processes.start({ instance, env: { ...env, SEED_DEMO: '0' } }),
    ),
  );
  servers = [first, ...others];
  console.log(
    `multiProcess: mp-a started and seeded in ${seededMs.toFixed(0)} ms, ` +
      `mp-b and mp-c ${(performance.now() - started - seededMs).toFixed(0)} ms later`,
  );
}

/** Stops every server, then drops the database. */
export async function stopDeployment(): Promise<void> {
  const started = performance.now();
  try {
    await processes.stopAll();
    console.log(`multiProcess: servers stopped in ${(performance.now() - started).toFixed(0)} ms`);
  } finally {
    await database?.drop();
  }
}
