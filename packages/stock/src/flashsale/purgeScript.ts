import { LuaScript } from '@mallkit/resilience';

/**
 * Deletes the keys of a finished activity, atomically with every admission and
 * settlement, or refuses and deletes nothing: `{'reconciling'}` while a reconcile runs,
 * `{'open'}` when the activity is open, `{'pending', n}` while `n` admitted orders are
 * not settled, `{'dead', n}` when the dead-letter stream holds `n` orders and ARGV[1] is
 * not `1`. The order records are left to their own TTL.
 *
 * KEYS: meta, stock, stream, dead-letter stream, settled log, reconciling.
 * ARGV: `1` to delete dead letters too, else `0`.
 * Reply: `{'purged', keys deleted}` or a refusal.
 */
export const purgeScript = new LuaScript(`
if redis.call('EXISTS', KEYS[6]) == 1 then return {'reconciling'} end
if redis.call('HGET', KEYS[1], 'state') == 'open' then return {'open'} end
local pending = redis.call('XLEN', KEYS[3])
if pending > 0 then return {'pending', pending} end
local dead = redis.call('XLEN', KEYS[4])
if dead > 0 and ARGV[1] ~= '1' then return {'dead', dead} end
return {'purged', redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5])}
`);
