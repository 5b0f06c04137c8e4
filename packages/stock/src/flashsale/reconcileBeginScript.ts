import { LuaScript } from '@mallkit/resilience';

/**
 * First step of a reconcile: takes the activity's reconcile token (one reconcile at a
 * time; it expires after `ttl` ms should the reconciler die), starts an empty settled
 * log (writers append to it while the token exists) and lists the order numbers of the
 * hand-off entries not yet settled.
 *
 * KEYS: reconciling, settled log, stream. ARGV: token, ttl (ms).
 * Reply: `{'busy'}` or `{'ok', {orderNo…}}`.
 */
export const reconcileBeginScript = new LuaScript(`
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return {'busy'} end
redis.call('DEL', KEYS[2])
local orders = {}
for _, entry in ipairs(redis.call('XRANGE', KEYS[3], '-', '+')) do
  local fields = entry[2]
  for f = 1, #fields, 2 do
    if fields[f] == 'o' then orders[#orders + 1] = fields[f + 1] end
  end
end
return {'ok', orders}
`);
