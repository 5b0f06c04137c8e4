/** A place in the binary log: a file name and a byte offset in it. */
export interface BinlogPosition {
  /** The binlog file, e.g. `'mariadb-bin.000003'`. */
  file: string;
  /** Byte offset in the file; 4 is the first event. */
  offset: number;
}

/** `'mariadb-bin.000003:4711'`: the checkpoint and change-position form of a {@link BinlogPosition}. */
export function formatBinlogPosition(position: BinlogPosition): string {
  return `${position.file}:${position.offset}`;
}

/** Reads `'file:offset'` back; `undefined` when `text` is not one. */
export function parseBinlogPosition(text: string): BinlogPosition | undefined {
  const colon = text.lastIndexOf(':');
  if (colon <= 0) return undefined;
  const offset = Number(text.slice(colon + 1));
  if (!Number.isSafeInteger(offset) || offset < 4) return undefined;
  return { file: text.slice(0, colon), offset };
}

/**
 * Orders two positions of one server: by the file's numeric suffix (binlog files
 * are numbered), then by offset. Negative when `a` comes first.
 */
export function compareBinlogPositions(a: BinlogPosition, b: BinlogPosition): number {
  if (a.file !== b.file) {
    const sa = suffix(a.file);
    const sb = suffix(b.file);
    return sa !== sb ? sa - sb : a.file < b.file ? -1 : 1;
  }
  return a.offset - b.offset;
}

function suffix(file: string): number {
  const match = /\.(\d+)$/.exec(file);
  return match?.[1] ? Number(match[1]) : -1;
}
