import type { FlashSaleStock } from './FlashSaleStock.js';
import { lineCodec } from './lineCodec.js';

/**
 * The counters of an activity from `HGETALL` of its stock hash (a flat array, or an
 * object with clients that map it), sorted by SKU then warehouse.
 */
export function readStock(reply: unknown): FlashSaleStock[] {
  const flat = Array.isArray(reply)
    ? reply.map(String)
    : Object.entries((reply ?? {}) as Record<string, string>).flat();
  const stock: FlashSaleStock[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const row = lineCodec.parseField(flat[i] as string);
    if (row) stock.push({ ...row, remaining: Number(flat[i + 1]) });
  }
  return stock.sort((a, b) =>
    a.sku === b.sku ? compare(a.warehouse, b.warehouse) : compare(a.sku, b.sku),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
