import { LuaScript } from '@mallkit/resilience';

/**
 * Takes over hand-off entries that were delivered to a consumer (this one included) and
 * not acknowledged for at least `minIdle` ms: `XAUTOCLAIM` from the start of the pending
 * list (entries claimed stop being idle, so the next call finds the next ones), then each
 * claimed entry's delivery count from `XPENDING` (the claim counted as a delivery).
 * Entries deleted from the stream meanwhile are dropped from the pending list by Redis.
 *
 * KEYS: stream. ARGV: group, consumer, minIdle (ms), count.
 * Reply: `{{id, {field, value…}, deliveries}…}`.
 */
export const claimScript = new LuaScript(`
local claimed = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], '0-0', 'COUNT', ARGV[4])
local out = {}
for _, entry in ipairs(claimed[2]) do
  local pending = redis.call('XPENDING', KEYS[1], ARGV[1], entry[1], entry[1], 1)
  local deliveries = 1
  if pending[1] then deliveries = pending[1][4] end
  out[#out + 1] = {entry[1], entry[2], deliveries}
end
return out
`);
