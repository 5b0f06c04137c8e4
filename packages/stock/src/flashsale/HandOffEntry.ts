import type { FlashSaleLine } from './FlashSaleLine.js';
import { lineCodec } from './lineCodec.js';

/** One admitted order as the hand-off stream carries it. */
export interface HandOffEntry {
  /** The stream entry id. */
  id: string;
  /** The order number (`''` when the entry is malformed). */
  orderNo: string;
  /** The lines as the buy script wrote them. */
  linesText: string;
  /** The lines, or `undefined` when the entry is malformed. */
  lines: FlashSaleLine[] | undefined;
  /** Deliveries so far, this one included. */
  deliveries: number;
}

/**
 * Reads stream entries as Redis answers them (`[id, [field, value, …], …]`); `deliveries`
 * gives each entry's delivery count.
 */
export function readEntries(
  items: ReadonlyArray<readonly unknown[]>,
  deliveries: (item: readonly unknown[]) => number,
): HandOffEntry[] {
  const entries: HandOffEntry[] = [];
  for (const item of items) {
    const id = item[0];
    if (typeof id !== 'string') continue;
    const fields = Array.isArray(item[1]) ? (item[1] as unknown[]) : [];
    let orderNo = '';
    let linesText = '';
    for (let i = 0; i + 1 < fields.length; i += 2) {
      if (fields[i] === 'o') orderNo = String(fields[i + 1]);
      else if (fields[i] === 'l') linesText = String(fields[i + 1]);
    }
    const lines = orderNo === '' ? undefined : lineCodec.decode(linesText);
    entries.push({ id, orderNo, linesText, lines, deliveries: deliveries(item) });
  }
  return entries;
}
