import { randomUUID } from 'node:crypto';
import { StockError } from '../errors/StockError.js';
import type { FlashSaleContext } from './FlashSaleContext.js';
import type { FlashSaleReconciliation, FlashSaleRepair } from './FlashSaleReconciliation.js';
import { lineCodec } from './lineCodec.js';
import { reconcileAbortScript } from './reconcileAbortScript.js';
import { reconcileBeginScript } from './reconcileBeginScript.js';
import { reconcileRepairScript } from './reconcileRepairScript.js';

/** Rounds of a reconcile before it gives up (a round is redone when its token expired). */
const ROUNDS = 3;
/** Orders looked up in the database at the same time. */
const LOOKUPS = 8;

/**
 * Finds and repairs drift between an activity's Redis counters and the database, as
 * {@link RedisFlashSale.reconcile} describes. In order:
 * 1. (Redis, one script) take the activity's reconcile token, start the settled log,
 *    list the orders in the hand-off stream;
 * 2. (database) which of those orders it holds;
 * 3. (database, after 2) the activity's rows: allocated, sold, status;
 * 4. (Redis, one script, checked against the token) units in flight per row: entries in
 *    the stream plus entries settled as `written` since step 1, leaving out the orders of
 *    step 2; set each counter to `max(0, allocated - sold - inFlight)`; when step 3 found
 *    every row ended, close the activity in Redis; a closed activity with nothing in
 *    flight starts its retention.
 *
 * An order written to the database between 1 and 3 that step 2 did not see is counted
 * both sold (3) and in flight (4): the counter comes out lower, never higher, than the
 * database allows. Reading 2 before 3 matters: the other way round an order written in
 * between would be found in the database yet missing from `sold`, and counted nowhere.
 */
export class FlashSaleReconciler {
  readonly #context: FlashSaleContext;

  /** @param context - the sale's settings, events and routing */
  constructor(context: FlashSaleContext) {
    this.#context = context;
  }

  /** Reconciles one activity. */
  async reconcile(activityId: string): Promise<FlashSaleReconciliation> {
    const { router, settings } = this.#context;
    const keys = this.#context.keys(activityId);
    for (let round = 1; round <= ROUNDS; round++) {
      const token = randomUUID();
      const begun = await router.run(keys.tag, (c) =>
        reconcileBeginScript.run(
          c,
          [keys.reconciling, keys.settledLog, keys.stream],
          [token, settings.reconcileTimeoutMs],
        ),
      );
      if (!Array.isArray(begun) || begun[0] !== 'ok') {
        throw new StockError(
          'CONCURRENCY_CONFLICT',
          `another reconcile of activity "${activityId}" is running`,
        );
      }
      const inFlight = (Array.isArray(begun[1]) ? begun[1] : []).map(String);
      try {
        const held = await this.#held(inFlight);
        const rows = (await settings.service.getActivity(activityId)).filter(
          (r) => r.strategy === 'redis',
        );
        if (rows.length === 0) {
          throw new StockError(
            'UNKNOWN_ACTIVITY',
            `activity "${activityId}" has no rows allocated with strategy 'redis'`,
          );
        }
        const available = new Map<string, number>();
        const ended = rows.every((r) => r.status !== 'active') ? 1 : 0;
        const args: Array<string | number> = [token, ended, settings.retainMs, rows.length];
        for (const r of rows) {
          const field = lineCodec.field(r.sku, r.warehouse);
          const units = r.status === 'active' ? Math.max(0, r.allocated - r.sold) : 0;
          available.set(field, units);
          args.push(field, units);
        }
        args.push(...held);
        const { reply, replicas } = await router.run(keys.tag, async (connection) => {
          const barrier = this.#context.barrier(connection);
          let mark = 0;
          const reply = await reconcileRepairScript.run(
            connection,
            [keys.stock, keys.reconciling, keys.settledLog, keys.stream, keys.meta, keys.dead],
            args,
            () => {
              mark = barrier?.mark() ?? 0;
            },
          );
          const changed =
            Array.isArray(reply) &&
            reply[0] === 'ok' &&
            (hasChange(reply[1]) || Number(reply[2]) === 1);
          return { reply, replicas: barrier && changed ? await barrier.wait(mark) : -1 };
        });
        if (!Array.isArray(reply) || reply[0] !== 'ok') continue; // the token expired
        const lines = readRepairs(reply[1], available);
        const changed = lines.some((l) => l.before !== l.after);
        if (changed) this.#context.events.emit('repaired', { activityId, lines });
        return {
          activityId,
          lines,
          changed,
          replicated: replicas === -1 || replicas >= settings.replicas,
        };
      } catch (error) {
        await router
          .run(keys.tag, (c) =>
            reconcileAbortScript.run(c, [keys.reconciling, keys.settledLog], [token]),
          )
          .catch(() => undefined);
        throw error;
      }
    }
    throw new StockError(
      'STORE_UNAVAILABLE',
      `reconcile of activity "${activityId}" took longer than reconcileTimeoutMs ${ROUNDS} times`,
    );
  }

  /** The order numbers among `orderNos` the database holds. */
  async #held(orderNos: readonly string[]): Promise<string[]> {
    const { service } = this.#context.settings;
    const held: string[] = [];
    let next = 0;
    const lanes = Array.from({ length: Math.min(LOOKUPS, orderNos.length) }, async () => {
      while (next < orderNos.length) {
        const orderNo = orderNos[next++] as string;
        if (await service.getOrder(orderNo)) held.push(orderNo);
      }
    });
    await Promise.all(lanes);
    return held;
  }
}

/** Whether the repair script's rows (`field, before, after, inFlight…`) changed a counter. */
function hasChange(rows: unknown): boolean {
  if (!Array.isArray(rows)) return false;
  for (let i = 0; i + 3 < rows.length; i += 4) {
    if (Number(rows[i + 1]) !== Number(rows[i + 2])) return true;
  }
  return false;
}

function readRepairs(rows: unknown, available: ReadonlyMap<string, number>): FlashSaleRepair[] {
  const lines: FlashSaleRepair[] = [];
  const list = Array.isArray(rows) ? rows : [];
  for (let i = 0; i + 3 < list.length; i += 4) {
    const field = String(list[i]);
    const row = lineCodec.parseField(field);
    if (!row) continue;
    lines.push({
      ...row,
      available: available.get(field) ?? 0,
      inFlight: Number(list[i + 3]),
      before: Number(list[i + 1]),
      after: Number(list[i + 2]),
    });
  }
  return lines;
}
