import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { TestDatabase, waitFor } from '@mallkit/internal-harness';
import { harness } from '@mallkit/internal-harness/vitest';
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminToken,
  type HttpAnswer,
  type MallProcess,
  MallProcesses,
  mapLimited,
  metricValue,
  serviceToken,
} from './fixtures/mallProcess.ts';

// Three `node src/main.ts` processes on the real stack (the harness's Redis Cluster and a
// MariaDB database of this file's own), driven over loopback HTTP like a deployment
// behind a load balancer.

const processes = new MallProcesses();
const prefix = `mall-mp-${process.pid}-${randomBytes(3).toString('hex')}:`;
let database: TestDatabase | undefined;
let servers: MallProcess[] = [];
/** The environment every server of this file runs with (`SEED_DEMO` aside). */
let env: Record<string, string> = {};

const server = (i: number): MallProcess => {
  const s = servers[i];
  if (s === undefined) throw new Error(`server ${i} did not start`);
  return s;
};

const admin = async (
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
const stockUp = async (s: MallProcess, sku: string, warehouse: string, quantity: number) => {
  await admin(s, 'PUT', `/api/admin/warehouses/${warehouse}`, {});
  await admin(s, 'PUT', `/api/admin/skus/${sku}`, {});
  await admin(s, 'POST', '/api/admin/stock/restock', {
    sku,
    warehouse,
    quantity,
    receiptNo: `${sku}-receipt`,
  });
};

const stockOf = async (s: MallProcess, sku: string) => {
  const answer = await s.request('GET', `/api/stock/${sku}`);
  expect(answer.status).toBe(200);
  return answer.body as { physical: number; reserved: number; activity: number; sellable: number };
};

beforeAll(async () => {
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
}, 120_000);

afterAll(async () => {
  const started = performance.now();
  try {
    await processes.stopAll();
    console.log(`multiProcess: servers stopped in ${(performance.now() - started).toFixed(0)} ms`);
  } finally {
    await database?.drop();
  }
}, 60_000);

describe('three mall-server processes on Redis Cluster + MariaDB', () => {
  it('an update through one server is served by the others within one broadcast, though they held the old value in L1', async () => {
    const [a, b, c] = [server(0), server(1), server(2)];
    const sku = 'phone-001';
    const read = async (s: MallProcess) => {
      const answer = await s.request('GET', `/api/products/${sku}`);
      expect(answer.status).toBe(200);
      return answer.body as {
        name: string;
        category: string;
        description: string;
        priceCents: number;
        version: number;
      };
    };
    const l1Hits = async (s: MallProcess) =>
      metricValue((await s.request('GET', '/metrics')).body, 'mall_cache_requests', {
        tier: 'l1',
      });

    const old = await read(a);
    for (let round = 0; round < 3; round++) {
      for (const s of [a, b, c]) expect((await read(s)).priceCents).toBe(old.priceCents);
    }
    // B and C hold it in L1: two more reads on each are two more L1 hits, with the old
    // price. (The change feed's refreshes of the seeded rows may still drop the entry from
    // every L1 now and then: polled until both prove it in one round, right before the update.)
    await waitFor('B and C to serve the old price twice from L1', 15_000, async () => {
      const hits = await Promise.all([b, c].map(l1Hits));
      for (const s of [b, c]) {
        for (let i = 0; i < 2; i++) expect((await read(s)).priceCents).toBe(old.priceCents);
      }
      const after = await Promise.all([b, c].map(l1Hits));
      return after.every((n, i) => n === (hits[i] as number) + 2);
    });

    const priceCents = old.priceCents + 1_234;
    const saved = await admin(a, 'PUT', `/api/admin/products/${sku}`, {
      name: old.name,
      category: old.category,
      description: old.description,
      priceCents,
    });
    expect(saved.body).toMatchObject({ sku, priceCents, version: old.version + 1 });
    const started = performance.now();
    // L1 lives 5 s: only the broadcast can make B and C answer the new price within 2 s.
    await Promise.all(
      [b, c].map((s) =>
        waitFor(
          `${s.instance} to serve the new price`,
          2_000,
          async () => (await read(s)).priceCents === priceCents,
          10,
        ),
      ),
    );
    const visibleMs = performance.now() - started;
    for (const s of [a, b, c]) {
      expect(await read(s)).toMatchObject({ priceCents, version: old.version + 1 });
    }
    console.log(
      `multiProcess: the new price was served by B and C after ${visibleMs.toFixed(0)} ms`,
    );
  });

  it('a flash sale of 100 units under 5,000 concurrent buys over 3 servers admits exactly 100, and the writers put all 100 in the database', async () => {
    const a = server(0);
    const sku = 'mp-flash-1';
    const warehouse = 'mp-fs';
    const activityId = 'mp-flash';
    await stockUp(a, sku, warehouse, 150);
    const created = await admin(a, 'POST', '/api/admin/flash-sales', {
      activityId,
      sku,
      warehouse,
      quantity: 100,
    });
    expect(created.status).toBe(201);
    expect(created.body.lines).toMatchObject([{ sku, warehouse, allocated: 100, remaining: 100 }]);

    const buyers = 5_000;
    const orderNo = (i: number) => `mp-fs-${i}`;
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: buyers }, (_, i) =>
        server(i % 3).request('POST', `/api/flash-sales/${activityId}/buy`, {
          token: serviceToken,
          body: { orderNo: orderNo(i), sku, quantity: 1 },
        }),
      ),
    );
    const buyMs = performance.now() - started;
    const tally: Record<string, number> = {};
    answers.forEach((answer) => {
      const key = `${answer.status} ${answer.body?.status ?? answer.body?.error?.code}`;
      tally[key] = (tally[key] ?? 0) + 1;
    });
    // No 5xx, no `unconfirmed` (no replicas to wait for): admitted or sold out, nothing else.
    expect(tally).toEqual({ '200 admitted': 100, '409 INSUFFICIENT_STOCK': buyers - 100 });
    const admitted = answers.flatMap((answer, i) =>
      answer.body?.status === 'admitted' ? [orderNo(i)] : [],
    );

    const drainStarted = performance.now();
    await waitFor('the writers to bring every admitted order to the database', 20_000, async () => {
      const view = (await a.request('GET', `/api/flash-sales/${activityId}`)).body;
      return view.pending === 0 && view.lines[0].sold === 100;
    });
    const drainMs = performance.now() - drainStarted;
    for (let i = 0; i < 3; i++) {
      const view = await server(i).request('GET', `/api/flash-sales/${activityId}`);
      expect(view.body).toMatchObject({
        engine: 'redis',
        pending: 0,
        lines: [{ sku, warehouse, allocated: 100, sold: 100, remaining: 0 }],
      });
    }
    const orders = await mapLimited(admitted, 32, (no) =>
      a.request('GET', `/api/orders/${no}`, { token: serviceToken }),
    );
    admitted.forEach((no, i) => {
      expect(orders[i]?.status, no).toBe(200);
      expect(orders[i]?.body).toMatchObject({
        orderNo: no,
        status: 'reserved',
        parts: [{ sku, warehouse, quantity: 1, activityId }],
      });
    });
    // A sample of the refused: none of them is in the database.
    const refused = answers.flatMap((answer, i) => (answer.status === 409 ? [orderNo(i)] : []));
    const sample = refused.filter((_, i) => i % 25 === 0);
    const absent = await mapLimited(sample, 32, (no) =>
      a.request('GET', `/api/orders/${no}`, { token: serviceToken }),
    );
    for (const answer of absent) expect(answer.status).toBe(404);
    // No oversell: the pool is spent on exactly the 100 reservations; the rest is untouched.
    expect(await stockOf(a, sku)).toMatchObject({
      physical: 150,
      reserved: 100,
      activity: 0,
      sellable: 50,
    });
    console.log(
      `multiProcess: ${buyers} buys in ${buyMs.toFixed(0)} ms, ` +
        `all admitted orders in the database ${drainMs.toFixed(0)} ms later`,
    );
  });

  it('kill -9 of a server under deduct + confirm load: every acknowledged confirmation is in the database and the stock adds up', async () => {
    const [a, b, victim] = [server(0), server(1), server(2)];
    const survivors = [a, b];
    const sku = 'mp-kill-1';
    const initial = 100_000;
    await stockUp(a, sku, 'mp-kw', initial);

    interface Sequence {
      orderNo: string;
      quantity: number;
      server: MallProcess;
      /** The deduct was answered 200. */
      deducted: boolean;
      /** The confirm was sent. */
      confirmSent: boolean;
      /** The confirm was answered 200. */
      confirmed: boolean;
      /** The network error of a request to the killed server. */
      lost?: string;
    }
    const killAfter = 150;
    const stopAfter = 450;
    const workers = 24;
    const sequences: Sequence[] = [];
    let confirmations = 0;
    let afterKill = 0;
    let killedAt: { confirmations: number; inFlight: number } | undefined;
    let failed = false;
    let next = 0;

    /** A request of `sequence`; `undefined` when it went to the killed server and failed. */
    const send = async (sequence: Sequence, path: string, body?: unknown) => {
      try {
        return await sequence.server.request('POST', path, { token: serviceToken, body });
      } catch (error) {
        if (sequence.server === victim && killedAt !== undefined) {
          sequence.lost = String(error);
          return undefined;
        }
        throw error;
      }
    };
    const worker = async () => {
      try {
        while (!failed && confirmations < stopAfter) {
          const n = next++;
          const targets = killedAt === undefined ? servers : survivors;
          const sequence: Sequence = {
            orderNo: `mp-k-${n}`,
            quantity: 1 + (n % 3),
            server: targets[n % targets.length] as MallProcess,
            deducted: false,
            confirmSent: false,
            confirmed: false,
          };
          sequences.push(sequence);
          const deducted = await send(sequence, '/api/orders', {
            orderNo: sequence.orderNo,
            lines: [{ sku, quantity: sequence.quantity }],
          });
          if (deducted === undefined) continue;
          expect(deducted.status, JSON.stringify(deducted.body)).toBe(200);
          expect(deducted.body.status).toBe('reserved');
          sequence.deducted = true;
          sequence.confirmSent = true;
          const confirmed = await send(sequence, `/api/orders/${sequence.orderNo}/confirm`);
          if (confirmed === undefined) continue;
          expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
          expect(confirmed.body.status).toBe('confirmed');
          sequence.confirmed = true;
          confirmations++;
          if (killedAt !== undefined) afterKill++;
          else if (confirmations >= killAfter && victim.inFlight > 0) {
            // Mid-load: requests of the victim are in flight right now.
            killedAt = { confirmations, inFlight: victim.inFlight };
            victim.child.kill('SIGKILL');
          }
        }
      } catch (error) {
        failed = true;
        throw error;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: workers }, worker));
    const loadMs = performance.now() - started;
    expect(killedAt).toBeDefined();
    expect((await victim.exited).signal).toBe('SIGKILL');
    expect(afterKill).toBeGreaterThan(0);

    // What the database holds, read through a survivor.
    const states = await mapLimited(sequences, 32, async (sequence) => {
      const answer = await a.request('GET', `/api/orders/${sequence.orderNo}`, {
        token: serviceToken,
      });
      if (answer.status === 404) return 'absent';
      expect(answer.status).toBe(200);
      expect(answer.body.parts).toMatchObject([{ sku, quantity: sequence.quantity }]);
      return answer.body.status as string;
    });
    let confirmedUnits = 0;
    let reservedUnits = 0;
    let committedUnanswered = 0;
    sequences.forEach((sequence, i) => {
      const state = states[i];
      const where = `${sequence.orderNo} on ${sequence.server.instance}: ${state}`;
      if (sequence.confirmed) expect(state, where).toBe('confirmed');
      else if (sequence.deducted) expect(['reserved', 'confirmed'], where).toContain(state);
      // Only the killed server leaves sequences unfinished, or done without an answer.
      if (sequence.server !== victim) expect(sequence.confirmed, where).toBe(true);
      if (state === 'confirmed' && !sequence.confirmed) {
        expect(sequence.confirmSent, where).toBe(true);
        committedUnanswered++;
      }
      if (state === 'reserved' && !sequence.deducted) committedUnanswered++;
      if (state === 'confirmed') confirmedUnits += sequence.quantity;
      if (state === 'reserved') reservedUnits += sequence.quantity;
    });
    const acknowledgedUnits = sequences
      .filter((s) => s.confirmed)
      .reduce((sum, s) => sum + s.quantity, 0);
    expect(confirmedUnits).toBeGreaterThanOrEqual(acknowledgedUnits);
    for (const s of survivors) {
      expect(await stockOf(s, sku)).toMatchObject({
        physical: initial - confirmedUnits,
        reserved: reservedUnits,
        sellable: initial - confirmedUnits - reservedUnits,
      });
    }
    const lost = sequences.filter((s) => s.lost !== undefined).length;
    console.log(
      `multiProcess: ${sequences.length} deduct+confirm sequences in ${loadMs.toFixed(0)} ms; ` +
        `killed ${victim.instance} after ${killedAt?.confirmations} confirmations with ` +
        `${killedAt?.inFlight} requests in flight; ${lost} requests to it failed, ` +
        `${committedUnanswered} committed without an answer, ${afterKill} confirmations after the kill`,
    );
  });

  it('kill -9 of a server mid flash sale, its writer holding admitted orders: every order any server answered admitted is in the database, none it refused is, and the stock adds up', async () => {
    const [a, b] = [server(0), server(1)];
    const survivors = [a, b];
    const sku = 'mp-fk-1';
    const warehouse = 'mp-fk';
    const activityId = 'mp-flash-kill';
    const physical = 1_000;
    const allocated = 600;
    // The victim is a process of this test's own (the test above killed mp-c); its writer
    // is consumer `mp-d` of the activity's group.
    const [victim] = await Promise.all([
      processes.start({ instance: 'mp-d', env: { ...env, SEED_DEMO: '0' } }),
      stockUp(a, sku, warehouse, physical),
    ]);
    const sellers = [a, b, victim];
    const created = await admin(a, 'POST', '/api/admin/flash-sales', {
      activityId,
      sku,
      warehouse,
      quantity: allocated,
    });
    expect(created.body.lines).toMatchObject([{ sku, warehouse, allocated, remaining: allocated }]);

    // The activity's hand-off stream, read directly (keys as RedisFlashSale names them).
    const tag = `{${prefix}flash:${activityId}}`;
    const stream = `${tag}:stream`;
    const group = 'stock-writers';
    const redis = new Cluster(harness().cluster.seeds);
    try {
      /** Ids of the entries delivered to `consumer` and not settled yet (its pending list). */
      const heldBy = async (consumer: string) => {
        const held = (await redis.xpending(stream, group, '-', '+', 1_000, consumer)) as Array<
          [string, string, number, number]
        >;
        return held.map(([id]) => id);
      };
      /** The order numbers of the stream entries `ids` (ascending) that are still there. */
      const ordersOf = async (ids: string[]) => {
        if (ids.length === 0) return [];
        const wanted = new Set(ids);
        const entries = await redis.xrange(stream, ids[0] as string, ids.at(-1) as string);
        return entries.flatMap(([id, fields]) =>
          wanted.has(id) ? [String(fields[fields.indexOf('o') + 1])] : [],
        );
      };
      /** The group's consumers: a writer becomes one when it is first delivered an entry. */
      const consumers = async () => {
        const list = (await redis.xinfo('CONSUMERS', stream, group)) as unknown[][];
        return list.map((fields) => String(fields[fields.indexOf('name') + 1]));
      };

      interface Buy {
        orderNo: string;
        server: MallProcess;
        outcome?: 'admitted' | 'refused' | 'lost';
        /** The network error of a request to the killed server. */
        error?: string;
      }
      const buyers = 1_500;
      /** Admitted answers of the victim before it may be killed. */
      const killAfter = 30;
      const buys: Buy[] = [];
      let admittedByVictim = 0;
      let admittedAfterKill = 0;
      let killedAt:
        | {
            admitted: number;
            byVictim: number;
            /** The orders of the entries the victim's writer held. */
            held: string[];
            inFlight: number;
            freezes: number;
          }
        | undefined;
      /** One more buyer, through `seller`; a network error is an outcome only of the killed server. */
      const buy = async (seller: MallProcess) => {
        const order: Buy = { orderNo: `mp-fk-${buys.length}`, server: seller };
        buys.push(order);
        let answer: HttpAnswer;
        try {
          answer = await seller.request('POST', `/api/flash-sales/${activityId}/buy`, {
            token: serviceToken,
            body: { orderNo: order.orderNo, sku, quantity: 1 },
          });
        } catch (error) {
          if (seller !== victim || killedAt === undefined) throw error;
          order.outcome = 'lost';
          order.error = String(error);
          return;
        }
        if (answer.status === 200) {
          expect(answer.body).toMatchObject({
            orderNo: order.orderNo,
            status: 'admitted',
            replayed: false,
          });
          order.outcome = 'admitted';
          if (seller === victim) admittedByVictim++;
          if (killedAt !== undefined) admittedAfterKill++;
        } else {
          expect(answer.status, JSON.stringify(answer.body)).toBe(409);
          expect(answer.body?.error?.code).toBe('INSUFFICIENT_STOCK');
          order.outcome = 'refused';
        }
      };
      const admittedCount = () => buys.filter((o) => o.outcome === 'admitted').length;

      // The sale opens with single buys, one server after the other, each once the stream is
      // empty, until every server's writer has been delivered an entry: the three writers run
      // before the rush (a server starts its writer when it discovers the activity, on its
      // first buy or within 2 s, and the writer's own connection is made then).
      await waitFor('every writer to take an entry', 15_000, async () => {
        if ((await redis.xlen(stream)) === 0) await buy(sellers[buys.length % 3] as MallProcess);
        const names = await consumers();
        return sellers.every((s) => names.includes(s.instance));
      });
      const warmUp = buys.length;

      // The rush: the other buyers through 48 connections. Once the victim answered `admitted`
      // `killAfter` times and has requests in flight, it is frozen (SIGSTOP) and killed
      // (SIGKILL) if its writer holds unsettled entries at that moment, or else let go on
      // (SIGCONT) and tried again a few ms later.
      let failed = false;
      const worker = async () => {
        try {
          while (!failed && buys.length < buyers) {
            const targets = killedAt === undefined ? sellers : survivors;
            await buy(targets[buys.length % targets.length] as MallProcess);
          }
        } catch (error) {
          failed = true;
          throw error;
        }
      };
      const killer = async () => {
        let freezes = 0;
        try {
          while (!failed && killedAt === undefined) {
            if (buys.length >= buyers) throw new Error('every buyer was served before the kill');
            if (admittedByVictim >= killAfter && victim.inFlight > 0) {
              victim.child.kill('SIGSTOP');
              freezes++;
              const held = await ordersOf(await heldBy(victim.instance));
              if (held.length > 0) {
                killedAt = {
                  admitted: admittedCount(),
                  byVictim: admittedByVictim,
                  held,
                  inFlight: victim.inFlight,
                  freezes,
                };
                victim.child.kill('SIGKILL');
                break;
              }
              victim.child.kill('SIGCONT');
            }
            await delay(5);
          }
        } catch (error) {
          failed = true;
          throw error;
        }
      };
      const started = performance.now();
      await Promise.all([killer(), ...Array.from({ length: 48 }, worker)]);
      const buyMs = performance.now() - started;
      expect((await victim.exited).signal).toBe('SIGKILL');
      // Killed mid-sale: units were left, and the survivors went on admitting.
      expect(killedAt?.admitted).toBeLessThan(allocated);
      expect(admittedAfterKill).toBeGreaterThan(0);
      expect(buys).toHaveLength(buyers);

      const drainStarted = performance.now();
      await waitFor(
        'the survivors to take over and write every admitted order',
        30_000,
        async () => {
          const view = (await a.request('GET', `/api/flash-sales/${activityId}`)).body;
          const line = view.lines[0];
          return view.pending === 0 && line.sold + line.remaining === line.allocated;
        },
      );
      const drainMs = performance.now() - drainStarted;
      // 1,500 buyers for 600 units: sold out, and every unit sold is in the database.
      for (const s of survivors) {
        const view = await s.request('GET', `/api/flash-sales/${activityId}`);
        expect(view.body).toMatchObject({
          engine: 'redis',
          pending: 0,
          lines: [{ sku, warehouse, allocated, sold: allocated, remaining: 0 }],
        });
      }
      // The dead writer's entries were taken over; none was given up on (dead-lettered).
      expect(await heldBy(victim.instance)).toEqual([]);
      expect(await redis.xlen(stream)).toBe(0);
      expect(await redis.xlen(`${tag}:dead`)).toBe(0);

      // What the database holds, for every order number sent.
      const states = await mapLimited(buys, 32, async (order) => {
        const answer = await a.request('GET', `/api/orders/${order.orderNo}`, {
          token: serviceToken,
        });
        if (answer.status === 404) return 'absent';
        expect(answer.status, order.orderNo).toBe(200);
        expect(answer.body, order.orderNo).toMatchObject({
          orderNo: order.orderNo,
          status: 'reserved',
          parts: [{ sku, warehouse, quantity: 1, activityId }],
        });
        return 'reserved';
      });
      let inDatabase = 0;
      let lostInDatabase = 0;
      buys.forEach((order, i) => {
        const state = states[i];
        const where = `${order.orderNo} on ${order.server.instance} (${order.outcome}): ${state}`;
        if (order.outcome === 'admitted') expect(state, where).toBe('reserved');
        else if (order.outcome === 'refused') expect(state, where).toBe('absent');
        else {
          // Only a request to the killed server may go unanswered; its order may have been
          // admitted before the process died.
          expect(order.outcome, where).toBe('lost');
          expect(order.server, where).toBe(victim);
          if (state === 'reserved') lostInDatabase++;
        }
        if (state === 'reserved') inDatabase++;
      });
      // In particular the orders the dead writer held, taken over by the survivors.
      const stateOf = new Map(buys.map((order, i) => [order.orderNo, states[i]]));
      expect(killedAt?.held.length).toBeGreaterThan(0);
      for (const orderNo of killedAt?.held ?? [])
        expect(stateOf.get(orderNo), orderNo).toBe('reserved');
      expect(inDatabase).toBe(allocated);
      expect(admittedCount() + lostInDatabase).toBe(allocated);

      // No oversell: the pool is spent on exactly these reservations; the rest is untouched.
      for (const s of survivors) {
        expect(await stockOf(s, sku)).toMatchObject({
          physical,
          reserved: allocated,
          activity: 0,
          sellable: physical - allocated,
        });
      }
      const lost = buys.filter((o) => o.outcome === 'lost').length;
      console.log(
        `multiProcess: ${warmUp} single buys until every writer ran, then ` +
          `${buyers - warmUp} in ${buyMs.toFixed(0)} ms; killed ${victim.instance} after ` +
          `${killedAt?.admitted} admissions (${killedAt?.byVictim} its own; ` +
          `${killedAt?.freezes} freeze(s)) with its writer holding ${killedAt?.held.length} entries ` +
          `and ${killedAt?.inFlight} requests in flight; ${lost} requests to it failed ` +
          `(${lostInDatabase} of those orders in the database), ${admittedAfterKill} admissions ` +
          `after the kill; every admitted order in the database ${drainMs.toFixed(0)} ms later`,
      );
    } finally {
      redis.disconnect();
    }
  });
});
