import { RedisCluster, type RedisServer } from '@mallkit/internal-harness';
import { Cluster, Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keySlot } from '../src/keys/keySlot.js';
import { clusterMget } from '../src/redis/index.js';

const TAGS = 6;
const PER_TAG = 30;

/**
 * Reads `keys` over and over until stopped, checking every answer; `round()` resolves
 * after the next read that started after the call.
 */
class Reader {
  reads = 0;
  readonly wrong: string[] = [];
  readonly errors: unknown[] = [];
  #stopped = false;
  #waiters: Array<() => void> = [];
  readonly #done: Promise<void>;

  constructor(
    read: () => Promise<Array<string | null>>,
    private readonly expected: ReadonlyArray<string | null>,
    private readonly keys: readonly string[],
    private readonly missAllowed: boolean,
  ) {
    this.#done = (async () => {
      while (!this.#stopped) {
        const waiters = this.#waiters;
        this.#waiters = [];
        try {
          this.#check(await read());
        } catch (error) {
          this.errors.push(error);
        }
        this.reads++;
        for (const wake of waiters) wake();
      }
    })();
  }

  /** Resolves once a read that started after this call has been checked. */
  round(): Promise<void> {
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#done;
  }

  #check(values: Array<string | null>): void {
    values.forEach((value, i) => {
      const expected = this.expected[i];
      if (value === expected || (this.missAllowed && value === null)) return;
      this.wrong.push(`${this.keys[i]}: ${value} instead of ${expected}`);
    });
  }
}

// A private Cluster: slots are moved between its masters while clusterMget reads them.
describe('clusterMget during a slot migration', () => {
  let c: RedisCluster;
  let client: Cluster;
  let stale: Cluster;
  /** A RESP2 client: misses arrive as nil, not false. */
  let other: Cluster;
  const keys: string[] = [];
  for (let t = 0; t < TAGS; t++) for (let i = 0; i < PER_TAG; i++) keys.push(`mig:{m${t}}:${i}`);
  for (let i = 0; i < 900; i++) keys.push(`mig:plain:${i}`);
  keys.push(...keys.slice(0, 40)); // duplicates, some in migrating slots
  const expected = keys.map((key) => (key.endsWith('7') ? null : `v:${key}`));

  beforeAll(async () => {
    c = await RedisCluster.start({ name: 'cm-migration' });
    client = new Cluster(c.seeds);
    stale = new Cluster(c.seeds, { slotsRefreshInterval: 0 });
    other = new Cluster(c.seeds, { redisOptions: { protocol: 2 } });
    await Promise.all(
      keys.map((key, i) => (expected[i] === null ? null : client.set(key, expected[i] as string))),
    );
    await Promise.all(client.nodes('master').map((node) => node.wait(1, 10_000)));
    expect(await clusterMget(stale, keys)).toEqual(expected);
  });
  afterAll(async () => {
    client?.disconnect();
    stale?.disconnect();
    other?.disconnect();
    await c?.stop();
  });

  it('always answers the true values, from masters, while keys move and after', async () => {
    const masters = await c.masters();
    const readers = [
      new Reader(() => clusterMget(client, keys), expected, keys, false),
      new Reader(() => clusterMget(client, keys, { chunkSize: 64 }), expected, keys, false),
      new Reader(() => clusterMget(other, keys), expected, keys, false),
    ];
    // Replicas do not know a slot is migrating: a key that already left their master reads
    // as a miss there until the move is final (as GET on a replica does). Never wrong.
    const fromReplicas = new Reader(
      () => clusterMget(client, keys, { readFrom: 'replica' }),
      expected,
      keys,
      true,
    );
    const asking = await commandCalls(masters, 'asking');
    const staleOwners = Array.from(
      { length: TAGS },
      (_, t) => stale.slots[keySlot(`{m${t}}`)]?.[0],
    );
    let moved = 0;
    let steps = 0;
    try {
      for (let t = 0; t < TAGS; t++) {
        const slot = keySlot(`{m${t}}`);
        const source = await c.masterOf(slot);
        const target = masters[
          (masters.indexOf(source) + 1 + (t % 2)) % masters.length
        ] as RedisServer;
        moved += await migrateSlot(c, slot, source, target, async () => {
          steps++;
          await Promise.all([...readers, fromReplicas].map((r) => r.round()));
        });
        expect(await c.masterOf(slot)).toBe(target);
      }
      // Every slot has moved; `client` learns it from MOVED while the readers run.
      await Promise.all([...readers, fromReplicas].map((r) => r.round()));
    } finally {
      await Promise.all([...readers, fromReplicas].map((r) => r.stop()));
    }
    expect(moved).toBe(TAGS * PER_TAG - TAGS * 3); // the misses (…7) were never written
    for (const reader of readers) {
      expect(reader.errors).toEqual([]);
      expect(reader.wrong).toEqual([]);
      expect(reader.reads).toBeGreaterThanOrEqual(steps);
    }
    expect(fromReplicas.errors).toEqual([]);
    expect(fromReplicas.wrong).toEqual([]);
    // Keys that had left their slot's source node were read with ASKING from the target.
    expect(await commandCalls(await c.masters(), 'asking')).toBeGreaterThan(asking);

    // A client whose slot table predates every move still reads the true values.
    for (let t = 0; t < TAGS; t++) {
      const slot = keySlot(`{m${t}}`);
      expect(stale.slots[slot]?.[0]).toBe(staleOwners[t]);
      expect(client.slots[slot]?.[0]).not.toBe(staleOwners[t]);
    }
    expect(await clusterMget(stale, keys)).toEqual(expected);
    expect(await clusterMget(client, keys)).toEqual(expected);
  });
});

/**
 * Moves `slot` from `source` to `target` the way `redis-cli --cluster reshard` does:
 * IMPORTING on the target, MIGRATING on the source, MIGRATE key by key (the last ones
 * in one call), then the new owner on target, source and every other master. Calls
 * `between()` after each step so that reads run at every stage. Returns the number of
 * keys moved.
 */
async function migrateSlot(
  c: RedisCluster,
  slot: number,
  source: RedisServer,
  target: RedisServer,
  between: () => Promise<void>,
): Promise<number> {
  const src = new Redis(source.port, source.host);
  const dst = new Redis(target.port, target.host);
  try {
    const srcId = String(await src.cluster('MYID'));
    const dstId = String(await dst.cluster('MYID'));
    await dst.cluster('SETSLOT', slot, 'IMPORTING', srcId);
    await src.cluster('SETSLOT', slot, 'MIGRATING', dstId);
    await between();
    const inSlot = (await src.cluster('GETKEYSINSLOT', slot, 1000)) as string[];
    const oneByOne = inSlot.slice(0, Math.ceil(inSlot.length / 2));
    for (const key of oneByOne) {
      await src.migrate(target.host, target.port, '', 0, 5000, 'KEYS', key);
      await between();
    }
    const rest = inSlot.slice(oneByOne.length);
    if (rest.length > 0) await src.migrate(target.host, target.port, '', 0, 5000, 'KEYS', ...rest);
    await between();
    await dst.cluster('SETSLOT', slot, 'NODE', dstId);
    await src.cluster('SETSLOT', slot, 'NODE', dstId);
    await between();
    for (const other of await c.masters()) {
      if (other === source || other === target) continue;
      const node = new Redis(other.port, other.host);
      await node.cluster('SETSLOT', slot, 'NODE', dstId).finally(() => node.disconnect());
    }
    return inSlot.length;
  } finally {
    src.disconnect();
    dst.disconnect();
  }
}

async function commandCalls(nodes: RedisServer[], command: string): Promise<number> {
  let total = 0;
  for (const server of nodes) {
    const node = new Redis(server.port, server.host);
    try {
      const stats = await node.info('commandstats');
      total += Number(new RegExp(`^cmdstat_${command}:calls=(\\d+)`, 'm').exec(stats)?.[1] ?? 0);
    } finally {
      node.disconnect();
    }
  }
  return total;
}
