import { expect, it } from 'vitest';
import { type MallProcess, mapLimited, serviceToken } from '../fixtures/mallProcess.ts';
import { deploymentServers, server, stockOf, stockUp } from './deployment.ts';

/** SIGKILL of a server under deduct + confirm load loses no acknowledged confirmation. */
export function killCase(): void {
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
          const targets = killedAt === undefined ? deploymentServers() : survivors;
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
}
