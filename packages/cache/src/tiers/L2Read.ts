import type { Entry } from '../entry/Entry.js';

/** An entry read from L2, with the size L1 counts for it. */
export interface L2Read<T> {
  /** The decoded entry. */
  entry: Entry<T>;
  /** Its estimated size in memory: the stored text's length, 2 bytes per UTF-16 code unit. */
  bytes: number;
}
