import { spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { type ClusterNodeInfo, parseClusterNodes } from './parseClusterNodes.js';
import { RedisServer } from './RedisServer.js';
import { requireBinary } from './requireBinary.js';
import { waitFor } from './waitFor.js';

/** Shape of a private Redis Cluster. */
export interface RedisClusterOptions {
  /** Number of masters; the 16384 slots are split evenly between them. @default 3 */
  masters?: number;
  /** Replicas per master. @default 1 */
  replicasPerMaster?: number;
  /**
   * `cluster-node-timeout`: how long a silent master has before its replica takes over.
   * Low, so that a failover test finishes in a few seconds. @default 1000
   */
  nodeTimeoutMs?: number;
  /** Prefix of the nodes' working directories. @default 'cluster' */
  name?: string;
}

/** Where a client connects to reach the cluster. */
export interface ClusterSeed {
  host: string;
  port: number;
}

/**
 * A Redis Cluster of private `redis-server` processes on loopback, with the chaos
 * operations tests need: kill a master and wait for its replica to take over, restart a
 * node and wait until it has rejoined.
 */
export class RedisCluster {
  readonly nodes: readonly RedisServer[];
  readonly #options: Required<RedisClusterOptions>;

  private constructor(nodes: RedisServer[], options: Required<RedisClusterOptions>) {
    this.nodes = nodes;
    this.#options = options;
  }

  static async start(options: RedisClusterOptions = {}): Promise<RedisCluster> {
    const resolved: Required<RedisClusterOptions> = {
      masters: 3,
      replicasPerMaster: 1,
      nodeTimeoutMs: 1000,
      name: 'cluster',
      ...options,
    };
    requireBinary('redis-cli');
    const count = resolved.masters * (1 + resolved.replicasPerMaster);
    const args = [
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      'nodes.conf',
      '--cluster-node-timeout',
      String(resolved.nodeTimeoutMs),
      '--cluster-replica-validity-factor',
      '0',
      // Replicas appear in CLUSTER SLOTS only once they have a replication offset,
      // which an idle master advances with this ping.
      '--repl-ping-replica-period',
      '1',
    ];
    const started = await Promise.allSettled(
      Array.from({ length: count }, (_, i) =>
        RedisServer.start({ name: `${resolved.name}-${i}`, args, clusterBus: true }),
      ),
    );
    const nodes = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failure = started.find((r) => r.status === 'rejected');
    const cluster = new RedisCluster(nodes, resolved);
    try {
      if (failure) throw failure.reason;
      await cluster.#create();
      await cluster.waitUntilHealthy();
      return cluster;
    } catch (error) {
      await cluster.stop();
      throw error;
    }
  }

  /** Addresses of every node, for a cluster client's startup nodes. */
  get seeds(): ClusterSeed[] {
    return this.nodes.map((n) => ({ host: n.host, port: n.port }));
  }

  /** `CLUSTER NODES` as seen by a running node. */
  async topology(): Promise<ClusterNodeInfo[]> {
    const node = this.nodes.find((n) => n.running);
    if (!node) throw new Error('harness: no cluster node is running');
    return parseClusterNodes(await command(node, 'cluster', 'nodes'));
  }

  /** The running node that owns `slot` as a master. */
  async masterOf(slot: number): Promise<RedisServer> {
    const owner = (await this.topology()).find(
      (n) => n.role === 'master' && !n.failing && n.slots.some(([a, b]) => slot >= a && slot <= b),
    );
    const server = this.nodes.find((n) => n.port === owner?.port);
    if (!server) throw new Error(`harness: no master owns slot ${slot}`);
    return server;
  }

  /** The servers that are masters now. */
  async masters(): Promise<RedisServer[]> {
    const masters = (await this.topology()).filter((n) => n.role === 'master' && !n.failing);
    return this.nodes.filter((s) => s.running && masters.some((m) => m.port === s.port));
  }

  /**
   * Kills `master` with SIGKILL and waits until one of its replicas has been promoted
   * and the cluster serves every slot again. Returns the new master.
   */
  async failover(master: RedisServer, timeoutMs = 30_000): Promise<RedisServer> {
    const before = await this.topology();
    const old = before.find((n) => n.port === master.port && n.role === 'master');
    if (!old) throw new Error(`harness: port ${master.port} is not a master`);
    const slot = old.slots[0]?.[0];
    if (slot === undefined) throw new Error(`harness: master ${master.port} owns no slot`);
    await master.kill();
    await waitFor(`a replica of ${master.port} to take over`, timeoutMs, async () => {
      const now = await this.masterOf(slot).catch(() => undefined);
      return now !== undefined && now !== master && (await this.#allOk());
    });
    return this.masterOf(slot);
  }

  /** Restarts a killed node; it rejoins (as a replica, if it was failed over) before this resolves. */
  async restart(node: RedisServer): Promise<void> {
    await node.restart();
    await this.waitUntilHealthy();
  }

  /**
   * Waits until every running node reports `cluster_state:ok`, knows every other running
   * node, every replica is in sync, and `CLUSTER SLOTS` lists every running node (clients
   * drop seed nodes it does not list).
   */
  async waitUntilHealthy(timeoutMs = 30_000): Promise<void> {
    const running = () => this.nodes.filter((n) => n.running);
    await waitFor('the cluster to become healthy', timeoutMs, async () => {
      if (!(await this.#allOk())) return false;
      for (const node of running()) {
        const known = parseClusterNodes(await command(node, 'cluster', 'nodes'));
        const alive = known.filter((k) => !k.failing);
        if (alive.length < running().length) return false;
        const info = await command(node, 'info', 'replication');
        if (info.includes('role:slave') && !info.includes('master_link_status:up')) return false;
      }
      const slots = (await call(running()[0], 'cluster', 'slots')) as unknown[][];
      const listed = slots.reduce((sum, range) => sum + range.length - 2, 0);
      return listed === running().length;
    });
  }

  /** Stops every node. */
  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.kill()));
  }

  async #allOk(): Promise<boolean> {
    for (const node of this.nodes.filter((n) => n.running)) {
      const info = await command(node, 'cluster', 'info').catch(() => '');
      if (!info.includes('cluster_state:ok')) return false;
    }
    return true;
  }

  async #create(): Promise<void> {
    const addresses = this.nodes.map((n) => `${n.host}:${n.port}`);
    const args = ['--cluster', 'create', ...addresses];
    args.push('--cluster-replicas', String(this.#options.replicasPerMaster), '--cluster-yes');
    const child = spawn('redis-cli', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      output += c.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0)
      throw new Error(`harness: redis-cli --cluster create failed (${code}):\n${output}`);
  }
}

/** Runs one command on one node over a short-lived connection; the reply as text. */
async function command(node: RedisServer, ...args: string[]): Promise<string> {
  return String(await call(node, ...args));
}

/** Runs one command on one node over a short-lived connection. */
async function call(node: RedisServer | undefined, ...args: string[]): Promise<unknown> {
  if (!node) throw new Error('harness: no cluster node is running');
  const client = new Redis({
    host: node.host,
    port: node.port,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    connectTimeout: 1000,
  });
  try {
    await client.connect();
    const [name, ...rest] = args;
    return await client.call(name ?? 'ping', ...rest);
  } finally {
    client.disconnect();
  }
}
