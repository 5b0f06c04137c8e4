/** One stream entry as Redis returns it: its id, and its fields (`null` once deleted). @internal */
export interface RawStreamEntry {
  id: string;
  fields: Map<string, string> | null;
}

/**
 * The entries of an `XRANGE`-shaped reply (`[[id, [field, value, …] | null], …]`); for an
 * `XREAD`/`XREADGROUP` reply, the entries of its streams, in either the RESP2 shape
 * (`[[key, entries], …]`) or the RESP3 map shape (`{ key: entries }`). Anything else
 * yields nothing.
 * @internal
 */
export function streamEntries(reply: unknown, streams = false): RawStreamEntry[] {
  if (reply === null || reply === undefined) return [];
  if (streams) {
    const lists: unknown[] = Array.isArray(reply)
      ? reply.map((pair) => (Array.isArray(pair) ? pair[1] : undefined))
      : reply instanceof Map
        ? [...reply.values()]
        : typeof reply === 'object'
          ? Object.values(reply)
          : [];
    return lists.flatMap((list) => streamEntries(list));
  }
  if (!Array.isArray(reply)) return [];
  const entries: RawStreamEntry[] = [];
  for (const item of reply) {
    if (!Array.isArray(item)) continue;
    const [id, list] = item as [unknown, unknown];
    if (typeof id !== 'string') continue;
    let fields: Map<string, string> | null = null;
    if (Array.isArray(list)) {
      fields = new Map();
      for (let i = 0; i + 1 < list.length; i += 2) fields.set(String(list[i]), String(list[i + 1]));
    }
    entries.push({ id, fields });
  }
  return entries;
}

/** The milliseconds part of a stream id `ms-seq`. @internal */
export function streamIdTime(id: string): number {
  const dash = id.indexOf('-');
  return Number(dash < 0 ? id : id.slice(0, dash));
}
