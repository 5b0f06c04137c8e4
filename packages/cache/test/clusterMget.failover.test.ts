import { RedisCluster, waitFor } from '@mallkit/internal-harness';
import { Cluster, type Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CacheError, isCacheError } from '../src/index.js';
import { keySlot } from '../src/keys/keySlot.js';
import { clusterMget } from '../src/redis/index.js';

// A private Cluster: these tests count commands on its nodes and kill one of its masters.
describe('clusterMget on a Cluster whose master is killed', () => {
  let c: RedisCluster;
  let live: Cluster;
  let stale: Cluster;
  const keys = Array.from({ length: 1500 }, (_, i) =>
    i % 3 === 0 ? `fo:{t${i % 40}}:${i}` : `fo:${i}`,
  );
  const expected = keys.map((key, i) => (i % 7 === 6 ? null : `v:${key}`));

  beforeAll(async () => {
    c = await RedisCluster.start({ name: 'cm-failover' });
    live = new Cluster(c.seeds);
    // Never refreshes its slot table on its own: it still sees the old master afterwards.
    stale = new Cluster(c.seeds, { slotsRefreshInterval: 0 });
    live.on('error', () => {});
    stale.on('error', () => {});
    await Promise.all(
      keys.map((key, i) => (expected[i] === null ? null : live.set(key, `v:${key}`))),
    );
    // Every replica holds every write before any master is killed.
    await Promise.all(live.nodes('master').map((node) => node.wait(1, 10_000)));
    expect(await clusterMget(stale, keys)).toEqual(expected);
  });
  afterAll(async () => {
    live?.disconnect();
    stale?.disconnect();
    await c?.stop();
  });

  it('sends one script call per master and chunk, and reads replicas when asked', async () => {
    // A node lists a replica in CLUSTER SLOTS once gossip told it the replica's offset:
    // the client may have asked one that did not know yet.
    await waitFor('the client to know every replica', 10_000, async () => {
      await new Promise<void>((resolve, reject) =>
        live.refreshSlotsCache((error) => (error ? reject(error) : resolve())),
      );
      return live.nodes('slave').length === 3;
    });
    const masters = live.nodes('master');
    const replicas = live.nodes('slave');
    expect(masters).toHaveLength(3);
    const gets = await commandCalls(masters, 'get');
    const mgets = await commandCalls(masters, 'mget');
    const scripts = await commandCalls(masters, 'evalsha', 'eval');
    expect(await clusterMget(live, keys, { chunkSize: 400 })).toEqual(expected);
    // 1,500 keys over 3 masters, about 500 each: 2 chunks of at most 400 per master…
    expect((await commandCalls(masters, 'evalsha', 'eval')) - scripts).toBe(6);
    // …and inside them one GET per key (commandstats counts the calls of scripts too),
    // none more: no key was read again outside the scripts.
    expect((await commandCalls(masters, 'get')) - gets).toBe(keys.length);
    expect(await commandCalls(masters, 'mget')).toBe(mgets);

    expect(await clusterMget(live, keys, { readFrom: 'replica', chunkSize: 1000 })).toEqual(
      expected,
    );
    // The scripts are now cached on the replicas too: one EVALSHA per replica.
    const replicaScripts = await commandCalls(replicas, 'evalsha', 'eval');
    expect(await clusterMget(live, keys, { readFrom: 'replica', chunkSize: 1000 })).toEqual(
      expected,
    );
    expect((await commandCalls(replicas, 'evalsha', 'eval')) - replicaScripts).toBe(3);
  });

  it('throws L2_UNAVAILABLE until the replica took over, never a wrong value, then reads exactly', async () => {
    const slot = keySlot(keys[2] as string);
    const victim = await c.masterOf(slot);
    const victimKey = `${victim.host}:${victim.port}`;
    expect(await clusterMget(stale, keys)).toEqual(expected);
    expect(stale.slots[slot]?.[0]).toBe(victimKey);

    await victim.kill();
    // Before any replica is promoted, the keys of the dead master cannot be read: the
    // group fails, is retried against a refreshed slot table, fails again, and the call
    // gives up with the cause instead of answering misses.
    const error = await clusterMget(live, keys, { maxAttempts: 2 }).catch((e: unknown) => e);
    expect(isCacheError(error)).toBe(true);
    expect((error as CacheError).code).toBe('L2_UNAVAILABLE');
    expect((error as CacheError).cause).toBeInstanceOf(Error);

    let done = false;
    let unavailable = 0;
    const wrong: string[] = [];
    const reader = (async () => {
      while (!done) {
        try {
          const values = await clusterMget(live, keys);
          values.forEach((value, i) => {
            if (value !== expected[i]) wrong.push(`${keys[i]}: ${value} instead of ${expected[i]}`);
          });
        } catch (error) {
          if (!isCacheError(error) || error.code !== 'L2_UNAVAILABLE') throw error;
          unavailable++;
        }
      }
    })();
    const promoted = await c.failover(victim); // the victim is dead already: waits for the promotion
    done = true;
    await reader;
    expect(promoted).not.toBe(victim);
    expect(wrong).toEqual([]);
    expect(unavailable).toBeGreaterThan(0);

    // `stale` still routes the slot to the dead master: its group fails, the slot table
    // is refreshed, and the retry reads from the promoted replica.
    expect(stale.slots[slot]?.[0]).toBe(victimKey);
    expect(await clusterMget(stale, keys)).toEqual(expected);
    expect(stale.slots[slot]?.[0]).toBe(`${promoted.host}:${promoted.port}`);
    expect(await clusterMget(live, keys)).toEqual(expected);
  });
});

async function commandCalls(nodes: Redis[], ...commands: string[]): Promise<number> {
  let total = 0;
  for (const node of nodes) {
    const stats = await node.info('commandstats');
    for (const command of commands) {
      const calls = new RegExp(`^cmdstat_${command}:calls=(\\d+)`, 'm').exec(stats)?.[1];
      total += Number(calls ?? 0);
    }
  }
  return total;
}
