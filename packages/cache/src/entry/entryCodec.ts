import { CacheError } from '../errors/CacheError.js';
import type { Serializer } from '../serialization/Serializer.js';
import type { Entry } from './Entry.js';

/**
 * The L2 form of an {@link Entry}: `v` or `n`, the fresh and stale deadlines in base
 * 36, then the serialized value — `v<fresh>,<stale>|<json>`. Other nodes read the
 * deadlines, so a stale entry is recognised as such wherever it is read.
 */
export function encodeEntry<T>(entry: Entry<T>, serializer: Serializer<T>): string {
  const head = `${entry.kind === 'value' ? 'v' : 'n'}${entry.freshUntil.toString(36)},${entry.staleUntil.toString(36)}|`;
  if (entry.kind === 'missing') return head;
  try {
    return head + serializer.serialize(entry.value as T);
  } catch (error) {
    throw new CacheError(
      'SERIALIZATION',
      `cannot serialize the value: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/** Reads what {@link encodeEntry} wrote; `undefined` for text that is not an entry. */
export function decodeEntry<T>(text: string, serializer: Serializer<T>): Entry<T> | undefined {
  const kind = text[0];
  const bar = text.indexOf('|');
  const comma = text.indexOf(',');
  if ((kind !== 'v' && kind !== 'n') || bar < 0 || comma < 0 || comma > bar) return undefined;
  const freshUntil = Number.parseInt(text.slice(1, comma), 36);
  const staleUntil = Number.parseInt(text.slice(comma + 1, bar), 36);
  if (!Number.isFinite(freshUntil) || !Number.isFinite(staleUntil)) return undefined;
  if (kind === 'n') return { kind: 'missing', value: undefined, freshUntil, staleUntil };
  try {
    return {
      kind: 'value',
      value: serializer.deserialize(text.slice(bar + 1)),
      freshUntil,
      staleUntil,
    };
  } catch {
    return undefined;
  }
}
