import type { FlashSaleLine } from './FlashSaleLine.js';

/**
 * How lines travel through Redis. A line's row of the activity is a *field*, the JSON
 * text `["<sku>","<warehouse>"]` (unambiguous whatever the names contain, and free of
 * newlines); the lines of an order are `field\nquantity\nfield\nquantity…`, the form the
 * Lua scripts read and write. Fields are only ever made here, never in Lua.
 */
export const lineCodec = {
  /** The field of a SKU in a warehouse. */
  field(sku: string, warehouse: string): string {
    return JSON.stringify([sku, warehouse]);
  },

  /** The SKU and warehouse of a field; `undefined` when it is not one. */
  parseField(field: string): { sku: string; warehouse: string } | undefined {
    try {
      const parsed: unknown = JSON.parse(field);
      if (
        Array.isArray(parsed) &&
        parsed.length === 2 &&
        typeof parsed[0] === 'string' &&
        typeof parsed[1] === 'string'
      ) {
        return { sku: parsed[0], warehouse: parsed[1] };
      }
    } catch {
      // not a field
    }
    return undefined;
  },

  /** The lines of an order as written by the buy script; `undefined` when malformed. */
  decode(text: string): FlashSaleLine[] | undefined {
    const parts = text.split('\n');
    if (parts.length === 0 || parts.length % 2 !== 0) return undefined;
    const lines: FlashSaleLine[] = [];
    for (let i = 0; i < parts.length; i += 2) {
      const row = lineCodec.parseField(parts[i] as string);
      const quantity = Number(parts[i + 1]);
      if (!row || !Number.isSafeInteger(quantity) || quantity < 1) return undefined;
      lines.push({ ...row, quantity });
    }
    return lines;
  },
};
