import { LuaScript } from '@mallkit/resilience';

/**
 * Opens an activity idempotently: creates the writers' consumer group on the hand-off
 * stream (an existing one is kept), sets each row's counter only when it does not exist
 * yet (`HSETNX`: the counters of an activity that is already open are never reset), marks
 * the activity `open`, and removes any TTL from its keys (the keys of an open activity
 * never expire; only a finished one's do, see `retainLua`). A `closed` activity stays
 * closed: `{'closed'}`.
 *
 * KEYS: meta, stock, stream, dead-letter stream. ARGV: group, then pairs of field and units.
 * Reply: `{'open'}` or `{'closed'}`.
 */
export const openScript = new LuaScript(`
if redis.call('HGET', KEYS[1], 'state') == 'closed' then return {'closed'} end
local created = redis.pcall('XGROUP', 'CREATE', KEYS[3], ARGV[1], '0', 'MKSTREAM')
if type(created) == 'table' and created.err and string.sub(created.err, 1, 9) ~= 'BUSYGROUP' then
  return redis.error_reply(created.err)
end
for i = 2, #ARGV, 2 do
  redis.call('HSETNX', KEYS[2], ARGV[i], ARGV[i + 1])
end
redis.call('HSET', KEYS[1], 'state', 'open')
for _, key in ipairs(KEYS) do redis.call('PERSIST', key) end
return {'open'}
`);
