/** CRC16-CCITT (XMODEM: polynomial 0x1021, initial value 0), one entry per byte value. */
const CRC_TABLE = (() => {
  const table = new Uint16Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1;
    table[byte] = crc;
  }
  return table;
})();

/**
 * Where the hash tag of `key` is, as Redis Cluster finds it: the text between the
 * first `{` and the first `}` after it, when not empty. `undefined` when none.
 */
export function hashTagRange(key: string): [from: number, to: number] | undefined {
  const open = key.indexOf('{');
  if (open < 0) return undefined;
  const close = key.indexOf('}', open + 1);
  return close > open + 1 ? [open + 1, close] : undefined;
}

/**
 * The Redis Cluster hash slot of `key`: CRC16 of its UTF-8 bytes (of its hash tag
 * alone, when it has one) modulo 16384. Encodes as it goes: no allocation.
 */
export function keySlot(key: string): number {
  const tag = hashTagRange(key);
  const from = tag ? tag[0] : 0;
  const to = tag ? tag[1] : key.length;
  let crc = 0;
  for (let i = from; i < to; i++) {
    let code = key.charCodeAt(i);
    if (code < 0x80) {
      crc = add(crc, code);
    } else if (code < 0x800) {
      crc = add(crc, 0xc0 | (code >> 6));
      crc = add(crc, 0x80 | (code & 0x3f));
    } else {
      if (code >= 0xd800 && code <= 0xdfff) {
        const low = i + 1 < to ? key.charCodeAt(i + 1) : 0;
        if (code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
          i++;
          crc = add(crc, 0xf0 | (code >> 18));
          crc = add(crc, 0x80 | ((code >> 12) & 0x3f));
          crc = add(crc, 0x80 | ((code >> 6) & 0x3f));
          crc = add(crc, 0x80 | (code & 0x3f));
          continue;
        }
        code = 0xfffd; // a lone surrogate, written as U+FFFD as Node does
      }
      crc = add(crc, 0xe0 | (code >> 12));
      crc = add(crc, 0x80 | ((code >> 6) & 0x3f));
      crc = add(crc, 0x80 | (code & 0x3f));
    }
  }
  return crc & 0x3fff;
}

/** `crc` extended by one byte. */
function add(crc: number, byte: number): number {
  return ((crc << 8) ^ (CRC_TABLE[((crc >>> 8) ^ byte) & 0xff] as number)) & 0xffff;
}
