import type { Order } from '../order/Order.js';
import { fingerprint } from '../orders/fingerprint.js';
import { FlashSaleRefusal } from './FlashSaleRefusal.js';
import { lineCodec } from './lineCodec.js';
import type { OpenActivity } from './OpenActivity.js';

/** The activity of a buy and the buy script's ARGV. */
export interface BuyPlan {
  /** The activity the order buys from. */
  activity: OpenActivity;
  /** ARGV of the buy script. */
  args: Array<string | number>;
}

/**
 * Finds the activity of a validated order (the one its lines name, or the only one
 * open) and turns the order into the buy script's ARGV: order number, fingerprint,
 * record TTL, then per line its units and candidate rows (the named warehouse, or every
 * warehouse of the SKU in the activity). Throws a refusal, before anything is sent, for a
 * line that is not in the activity.
 */
export function planBuy(
  order: Order,
  open: ReadonlyMap<string, OpenActivity>,
  recordTtlMs: number,
): BuyPlan {
  const activity = activityOf(order, open);
  const { activityId } = activity;
  const print = fingerprint([
    activityId,
    order.lines.map((l) => [l.sku, l.quantity, l.warehouse ?? null]),
  ]);
  const args: Array<string | number> = [order.orderNo, print, recordTtlMs, order.lines.length];
  for (const line of order.lines) {
    const warehouses = activity.rows.get(line.sku);
    if (!warehouses || (line.warehouse && !warehouses.includes(line.warehouse))) {
      const where = line.warehouse ? ` in warehouse "${line.warehouse}"` : '';
      throw new FlashSaleRefusal(
        'invalid',
        'UNKNOWN_ACTIVITY',
        `SKU "${line.sku}"${where} is not in activity "${activityId}"`,
      );
    }
    const candidates = line.warehouse ? [line.warehouse] : warehouses;
    args.push(line.quantity, candidates.length);
    for (const w of candidates) args.push(lineCodec.field(line.sku, w));
  }
  return { activity, args };
}

function activityOf(order: Order, open: ReadonlyMap<string, OpenActivity>): OpenActivity {
  const named = new Set(order.lines.flatMap((l) => (l.activityId ? [l.activityId] : [])));
  if (named.size > 1) {
    throw new FlashSaleRefusal(
      'invalid',
      'INVALID_REQUEST',
      'the lines of one order must belong to one activity',
    );
  }
  const [id] = named;
  if (id === undefined) {
    const [only, ...others] = open.values();
    if (only && others.length === 0) return only;
    if (only) {
      throw new FlashSaleRefusal(
        'invalid',
        'INVALID_REQUEST',
        'several activities are open here: name the activity in lines[].activityId',
      );
    }
    throw new FlashSaleRefusal(
      'invalid',
      'UNKNOWN_ACTIVITY',
      'no activity is open here: call open() first',
    );
  }
  const activity = open.get(id);
  if (!activity) {
    throw new FlashSaleRefusal(
      'invalid',
      'UNKNOWN_ACTIVITY',
      `activity "${id}" is not open here: call open() first`,
    );
  }
  return activity;
}
