import { StockError } from '../errors/StockError.js';
import type { FlashSaleAdmission } from './FlashSaleAdmission.js';
import { FlashSaleRefusal } from './FlashSaleRefusal.js';
import { lineCodec } from './lineCodec.js';

/** What the buy's reply is read against. */
export interface BuyContext {
  /** The activity. */
  activityId: string;
  /** The order number. */
  orderNo: string;
  /** Replicas that acknowledged the admission (0 when not waited for). */
  replicas: number;
  /** Replicas required. */
  required: number;
}

/**
 * Turns the buy script's reply (see `buyScript`) into the admission, or throws the
 * refusal: sold out, closed, conflict, an order the database refused or dead-lettered
 * before. An admission is `admitted` when enough replicas acknowledged it, or when a
 * replay finds it written to the database already; else `unconfirmed`.
 */
export function readBuyReply(reply: unknown, context: BuyContext): FlashSaleAdmission {
  const { activityId, orderNo, replicas } = context;
  const [kind, a = '', b = '', c = ''] = Array.isArray(reply) ? reply.map(String) : [];
  const admitted = (lines: string, streamId: string, replayed: boolean): FlashSaleAdmission => {
    const decoded = lineCodec.decode(lines);
    if (!decoded) throw new StockError('STORE_UNAVAILABLE', 'unreadable order record in Redis');
    const confirmed = replicas >= context.required || (replayed && a === 'written');
    return {
      activityId,
      orderNo,
      status: confirmed ? 'admitted' : 'unconfirmed',
      lines: decoded,
      replayed,
      replicas,
      streamId,
    };
  };
  switch (kind) {
    case 'admitted':
      return admitted(b, a, false);
    case 'replay':
      if (a === 'rejected') {
        throw new FlashSaleRefusal(
          'refused-by-database',
          'INSUFFICIENT_STOCK',
          `order "${orderNo}" was admitted in Redis but the database refused it for want of stock`,
        );
      }
      if (a === 'dead') {
        throw new FlashSaleRefusal(
          'dead-lettered',
          'STORE_UNAVAILABLE',
          `order "${orderNo}" was admitted but could not be written to the database (dead-lettered)`,
        );
      }
      return admitted(b, c, true);
    case 'conflict':
      throw new FlashSaleRefusal(
        'conflict',
        'ORDER_CONFLICT',
        `order "${orderNo}" was bought before with different lines`,
      );
    case 'short': {
      const row = lineCodec.parseField(a);
      throw new FlashSaleRefusal(
        'sold-out',
        'INSUFFICIENT_STOCK',
        `SKU "${row?.sku ?? a}" is sold out in activity "${activityId}"; nothing was admitted`,
      );
    }
    case 'closed':
      if (a === 'closed') {
        throw new FlashSaleRefusal(
          'closed',
          'INSUFFICIENT_STOCK',
          `activity "${activityId}" is closed`,
        );
      }
      throw new FlashSaleRefusal(
        'invalid',
        'UNKNOWN_ACTIVITY',
        `activity "${activityId}" is not open in Redis (never opened, or Redis lost it): call open()`,
      );
    default:
      throw new StockError('STORE_UNAVAILABLE', `unexpected reply of the buy script: ${kind}`);
  }
}

/** Whether a buy script's reply is an admission that must be replicated before it counts. */
export function needsWait(reply: unknown): boolean {
  if (!Array.isArray(reply)) return false;
  return reply[0] === 'admitted' || (reply[0] === 'replay' && reply[1] === 'admitted');
}
