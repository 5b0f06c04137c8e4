import type { Cluster, Redis } from 'ioredis';
import { CacheError } from '../../errors/CacheError.js';
import { keySlot } from '../../keys/keySlot.js';
import { isNotServedHere, READ_SCRIPT, READ_SCRIPT_SHA } from './readScript.js';
import type { ClusterMgetSettings } from './resolveClusterMgetOptions.js';

/** A value as read: text, or bytes for the Buffer variant. */
export type RawValue = string | Buffer;

type ReadFrom = ClusterMgetSettings['readFrom'];

/** The keys of one call that go to one node, by their index in the call's key list. */
interface Group {
  /** `host:port` of the slot's master, then of its replicas, as in `cluster.slots`. */
  owners: readonly string[];
  indices: number[];
}

/** Redis errors that describe the node's state, not the script: worth another attempt. */
const TRANSIENT_REPLY = /^(CLUSTERDOWN|LOADING|MASTERDOWN|TRYAGAIN|BUSY|MOVED|ASK|READONLY)\b/;

/**
 * One batch read on a Cluster, as {@link clusterMget} describes it: keys grouped by the
 * node that serves their slot (from the client's slot table), one read-script call per
 * node and chunk, all nodes at once; keys a node declined are read again through the
 * cluster client (MOVED/ASK); groups whose node failed are retried after a slot-table
 * refresh, up to `maxAttempts`, then `L2_UNAVAILABLE`.
 *
 * `keys` must be valid and unique; the answer is in their order.
 */
export async function slotGroupedRead(
  cluster: Cluster,
  keys: readonly string[],
  settings: ClusterMgetSettings,
  buffers: boolean,
): Promise<Array<RawValue | null>> {
  // A lazy or reconnecting client has no slot table yet: PING waits in its offline queue
  // until it has one (or fails as any command would).
  if (cluster.status !== 'ready') await cluster.ping();
  const read = new SlotGroupedRead(cluster, keys, settings, buffers);
  return read.run();
}

class SlotGroupedRead {
  readonly #cluster: Cluster;
  readonly #keys: readonly string[];
  readonly #settings: ClusterMgetSettings;
  readonly #buffers: boolean;
  /** The keys as sent in ARGV: with the client's `keyPrefix`, which ioredis adds to declared keys only. */
  readonly #wireKeys: readonly string[];
  readonly #slots: Uint16Array;
  readonly #values: Array<RawValue | null>;
  /** Keys of this attempt whose read failed; retried in the next attempt. */
  #failed: number[] = [];
  #lastError: unknown;

  constructor(
    cluster: Cluster,
    keys: readonly string[],
    settings: ClusterMgetSettings,
    buffers: boolean,
  ) {
    this.#cluster = cluster;
    this.#keys = keys;
    this.#settings = settings;
    this.#buffers = buffers;
    const prefix = cluster.options.keyPrefix ?? '';
    this.#wireKeys = prefix === '' ? keys : keys.map((key) => prefix + key);
    this.#slots = new Uint16Array(keys.length);
    for (let i = 0; i < keys.length; i++) this.#slots[i] = keySlot(this.#wireKeys[i] as string);
    this.#values = new Array<RawValue | null>(keys.length).fill(null);
  }

  async run(): Promise<Array<RawValue | null>> {
    let pending: number[] = Array.from(this.#keys, (_, i) => i);
    for (let attempt = 1; ; attempt++) {
      this.#failed = [];
      // After a failure, read from masters only: a replica may be the node that failed.
      const readFrom = attempt === 1 ? this.#settings.readFrom : 'master';
      await Promise.all(
        this.#route(pending, readFrom).map(([node, indices]) => this.#readNode(node, indices)),
      );
      if (this.#failed.length === 0) return this.#values;
      if (attempt >= this.#settings.maxAttempts) {
        const reason =
          this.#lastError instanceof Error ? this.#lastError.message : String(this.#lastError);
        throw new CacheError(
          'L2_UNAVAILABLE',
          `clusterMget: ${this.#failed.length} of ${this.#keys.length} keys could not be read in ${attempt} attempts: ${reason}`,
          { cause: this.#lastError },
        );
      }
      pending = this.#failed;
      await refreshSlotTable(this.#cluster).catch((error: unknown) => {
        this.#lastError = error;
      });
    }
  }

  /** Groups `pending` by the node to read from; keys no known node serves fail this attempt. */
  #route(pending: readonly number[], readFrom: ReadFrom): Array<[Redis, number[]]> {
    const table = this.#cluster.slots;
    const groups = new Map<string, Group>();
    for (const index of pending) {
      const slot = this.#slots[index] as number;
      const owners = table[slot];
      const master = owners?.[0];
      if (owners === undefined || master === undefined) {
        this.#fail([index], new Error(`no node serves slot ${slot} in the client's slot table`));
        continue;
      }
      const group = groups.get(master);
      if (group) group.indices.push(index);
      else groups.set(master, { owners, indices: [index] });
    }
    const connections = new Map<string, Redis>();
    for (const node of this.#cluster.nodes('all')) {
      connections.set(`${node.options.host}:${node.options.port}`, node);
    }
    const routes: Array<[Redis, number[]]> = [];
    for (const { owners, indices } of groups.values()) {
      const master = owners[0] as string;
      const node = connections.get(pickOwner(owners, readFrom)) ?? connections.get(master);
      if (node) routes.push([node, indices]);
      else this.#fail(indices, new Error(`no connection to ${master}, which serves some slots`));
    }
    return routes;
  }

  /** Reads one node's keys, chunk by chunk, all chunks sent at once. Never rejects. */
  async #readNode(node: Redis, indices: number[]): Promise<void> {
    const { chunkSize } = this.#settings;
    if (indices.length <= chunkSize) return this.#readChunk(node, indices);
    const chunks: Array<Promise<void>> = [];
    for (let i = 0; i < indices.length; i += chunkSize) {
      chunks.push(this.#readChunk(node, indices.slice(i, i + chunkSize)));
    }
    await Promise.all(chunks);
  }

  async #readChunk(node: Redis, indices: number[]): Promise<void> {
    const args = indices.map((index) => this.#wireKeys[index] as string);
    let reply: unknown;
    try {
      reply = await this.#runScript(node, args);
    } catch (error) {
      // The node refused the script itself (scripting denied by ACL, Redis < 7.0…):
      // this group is read key by key, correct but without the speed.
      const refused = isReplyError(error) && !TRANSIENT_REPLY.test(error.message);
      return refused ? this.#readEach(indices) : this.#fail(indices, error);
    }
    if (!Array.isArray(reply) || reply.length !== indices.length) {
      return this.#fail(indices, new Error('the read script answered with an unexpected reply'));
    }
    const declined: number[] = [];
    for (let i = 0; i < indices.length; i++) {
      const value: unknown = reply[i];
      const index = indices[i] as number;
      if (typeof value === 'string' || Buffer.isBuffer(value)) this.#values[index] = value;
      else if (value === null || value === false) this.#values[index] = null;
      else if (isNotServedHere(value)) declined.push(index);
      else return this.#fail(indices, new Error(`the read script answered a ${typeof value}`));
    }
    if (declined.length > 0) await this.#readEach(declined);
  }

  /** EVALSHA, or EVAL when the node does not have the script yet (a new or restarted node). */
  async #runScript(node: Redis, args: string[]): Promise<unknown> {
    const call = this.#buffers ? node.callBuffer.bind(node) : node.call.bind(node);
    try {
      return await call('evalsha', READ_SCRIPT_SHA, 0, ...args);
    } catch (error) {
      if (!isReplyError(error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return await call('eval', READ_SCRIPT, 0, ...args);
    }
  }

  /**
   * Reads keys one by one through the cluster client, which follows MOVED (and updates
   * its slot table) and ASK (a slot in migration). For the few keys a node declined.
   */
  async #readEach(indices: number[]): Promise<void> {
    const cluster = this.#cluster;
    const results = await Promise.allSettled(
      indices.map((index) => {
        const key = this.#keys[index] as string; // the client adds its keyPrefix itself
        return this.#buffers ? cluster.getBuffer(key) : cluster.get(key);
      }),
    );
    for (let i = 0; i < results.length; i++) {
      const result = results[i] as PromiseSettledResult<RawValue | null>;
      const index = indices[i] as number;
      if (result.status === 'fulfilled') this.#values[index] = result.value;
      else this.#fail([index], result.reason);
    }
  }

  #fail(indices: readonly number[], error: unknown): void {
    for (const index of indices) this.#failed.push(index);
    this.#lastError = error;
  }
}

/** `host:port` of the node to read from, among a slot's master and replicas. */
function pickOwner(owners: readonly string[], readFrom: ReadFrom): string {
  if (readFrom === 'master' || owners.length === 1) return owners[0] as string;
  const first = readFrom === 'replica' ? 1 : 0;
  return owners[first + Math.floor(Math.random() * (owners.length - first))] as string;
}

/** Asks the cluster for its slot table again; resolves once the client has the new one. */
function refreshSlotTable(cluster: Cluster): Promise<void> {
  return new Promise((resolve, reject) => {
    cluster.refreshSlotsCache((error) => (error ? reject(error) : resolve()));
  });
}

function isReplyError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'ReplyError';
}
