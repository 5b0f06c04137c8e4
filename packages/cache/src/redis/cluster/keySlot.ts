/** Number of hash slots of a Redis Cluster. */
export const SLOT_COUNT = 16384;

/** CRC16-CCITT (XMODEM: polynomial 0x1021, initial value 0), one entry per byte value. */
const TABLE = (() => {
  const table = new Int32Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1;
    table[byte] = crc & 0xffff;
  }
  return table;
})();

/**
 * The hash slot of `key`, as Redis Cluster computes it: CRC16 of the key's UTF-8 bytes
 * modulo 16384, or of its hash tag (the text between the first `{` and the next `}`,
 * when not empty) alone.
 */
export function keySlot(key: string): number {
  let from = 0;
  let to = key.length;
  const open = key.indexOf('{');
  if (open >= 0) {
    const close = key.indexOf('}', open + 1);
    if (close > open + 1) {
      from = open + 1;
      to = close;
    }
  }
  // Characters are taken as bytes, which holds for ASCII; `seen` tells afterwards whether
  // any was not (one branch per key instead of one per character).
  let crc = 0;
  let seen = 0;
  for (let i = from; i < to; i++) {
    const code = key.charCodeAt(i);
    seen |= code;
    crc = ((crc << 8) & 0xff00) ^ (TABLE[((crc >>> 8) ^ code) & 0xff] as number);
  }
  if (seen >= 0x80) return crcOfBytes(Buffer.from(key.slice(from, to), 'utf8'));
  return crc & (SLOT_COUNT - 1);
}

/** Slot of non-ASCII text, from its UTF-8 bytes (as ioredis writes them). */
function crcOfBytes(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc = ((crc << 8) & 0xff00) ^ (TABLE[((crc >>> 8) ^ byte) & 0xff] as number);
  }
  return crc & (SLOT_COUNT - 1);
}
