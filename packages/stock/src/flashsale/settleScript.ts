import { LuaScript } from '@mallkit/resilience';
import { retainLua } from './retainLua.js';

/**
 * Settles hand-off entries the writer is done with, atomically: each is acknowledged
 * (`XACK`) and deleted from the stream (so the stream holds exactly the orders not yet
 * settled), its order record's status goes from `admitted` to the outcome (`written`,
 * `rejected` or `dead`), a `dead` one is appended to the dead-letter stream with its
 * reason, and while a reconcile runs each newly acknowledged entry is logged for it.
 * When that settled the last order of a closed activity, its retention starts (see
 * `retainLua`).
 *
 * KEYS: stream, dead-letter stream, reconciling, settled log, meta, stock, then one record
 * per entry.
 * ARGV: group, retainMs, then per entry: id, orderNo, outcome, lines, deliveries, reason.
 * Reply: the number of entries that were still pending (acknowledged now).
 */
export const settleScript = new LuaScript(`${retainLua}
local logging = redis.call('EXISTS', KEYS[3]) == 1
local acked = 0
local k = 6
for i = 3, #ARGV, 6 do
  k = k + 1
  local id, orderNo, outcome, lines = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
  local fresh = redis.call('XACK', KEYS[1], ARGV[1], id)
  redis.call('XDEL', KEYS[1], id)
  if redis.call('HGET', KEYS[k], 'status') == 'admitted' then
    redis.call('HSET', KEYS[k], 'status', outcome)
    if outcome == 'dead' then redis.call('HSET', KEYS[k], 'error', ARGV[i + 5]) end
  end
  if fresh == 1 then
    acked = acked + 1
    if outcome == 'dead' then
      redis.call('XADD', KEYS[2], '*', 'o', orderNo, 'l', lines, 'id', id,
        'deliveries', ARGV[i + 4], 'reason', ARGV[i + 5])
    end
    if logging then redis.call('RPUSH', KEYS[4], orderNo .. '\\n' .. outcome .. '\\n' .. lines) end
  end
end
retain(KEYS[5], KEYS[1], {KEYS[5], KEYS[6], KEYS[1], KEYS[2], KEYS[4]}, ARGV[2])
return acked
`);
