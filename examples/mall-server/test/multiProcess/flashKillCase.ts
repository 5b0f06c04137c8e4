import { setTimeout as delay } from 'node:timers/promises';
import { waitFor } from '@mallkit/internal-harness';
import { harness } from '@mallkit/internal-harness/vitest';
import { Cluster } from 'ioredis';
import { expect, it } from 'vitest';
import {
  type HttpAnswer,
  type MallProcess,
  mapLimited,
  serviceToken,
} from '../fixtures/mallProcess.ts';
import { admin, deploymentEnv, prefix, processes, server, stockOf, stockUp } from './deployment.ts';

/** SIGKILL of a server mid flash sale loses no admitted order. */
export function flashKillCase(): void {
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
      processes.start({ instance: 'mp-d', env: { ...deploymentEnv(), SEED_DEMO: '0' } }),
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
}
