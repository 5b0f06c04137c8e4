import { LuaScript } from '@mallkit/resilience';
import { retainLua } from './retainLua.js';

/**
 * Second step of a reconcile, atomically with every admission and settlement: counts
 * the units in flight per row (hand-off entries not yet settled, plus entries settled
 * as `written` since the first step) leaving out the orders the database already held
 * when it was read, then sets each row's counter to `available - inFlight` (never below
 * 0), and ends the reconcile. When the database has ended every row, an activity still
 * `open` in Redis is closed (it was ended without `close`). A closed activity with
 * nothing in flight starts its retention (see `retainLua`). `{'expired'}` when the token
 * is no longer this reconcile's (it took too long, or a failover lost it): nothing
 * changed, start again.
 *
 * KEYS: stock, reconciling, settled log, stream, meta, dead-letter stream.
 * ARGV: token, `1` when the database ended every row (else `0`), retainMs, row count,
 * pairs of field and available units (allocated minus sold in the database, 0 for an
 * ended row), then the order numbers found in the database.
 * Reply: `{'ok', {field, before, after, inFlight…}, closedNow}` (`closedNow` 1 when this
 * reconcile closed the activity).
 */
export const reconcileRepairScript = new LuaScript(`${retainLua}
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return {'expired'} end
local rows = tonumber(ARGV[4])
local inDb = {}
for i = 5 + 2 * rows, #ARGV do inDb[ARGV[i]] = true end
local inFlight = {}
local function split(text)
  local parts = {}
  for part in string.gmatch(text, '[^\\n]+') do parts[#parts + 1] = part end
  return parts
end
local function add(parts, from)
  for p = from, #parts - 1, 2 do
    inFlight[parts[p]] = (inFlight[parts[p]] or 0) + tonumber(parts[p + 1])
  end
end
for _, entry in ipairs(redis.call('XRANGE', KEYS[4], '-', '+')) do
  local fields = entry[2]
  local orderNo, lines = false, ''
  for f = 1, #fields, 2 do
    if fields[f] == 'o' then orderNo = fields[f + 1] elseif fields[f] == 'l' then lines = fields[f + 1] end
  end
  if orderNo and not inDb[orderNo] then add(split(lines), 1) end
end
for _, item in ipairs(redis.call('LRANGE', KEYS[3], 0, -1)) do
  local parts = split(item)
  if parts[2] == 'written' and not inDb[parts[1]] then add(parts, 3) end
end
local out = {}
for i = 5, 4 + 2 * rows, 2 do
  local field = ARGV[i]
  local before = tonumber(redis.call('HGET', KEYS[1], field) or '0')
  local flying = inFlight[field] or 0
  local after = tonumber(ARGV[i + 1]) - flying
  if after < 0 then after = 0 end
  if after ~= before then redis.call('HSET', KEYS[1], field, after) end
  out[#out + 1] = field
  out[#out + 1] = before
  out[#out + 1] = after
  out[#out + 1] = flying
end
redis.call('DEL', KEYS[2], KEYS[3])
local closedNow = 0
if ARGV[2] == '1' and redis.call('HGET', KEYS[5], 'state') == 'open' then
  redis.call('HSET', KEYS[5], 'state', 'closed')
  closedNow = 1
end
retain(KEYS[5], KEYS[4], {KEYS[5], KEYS[1], KEYS[4], KEYS[6], KEYS[3]}, ARGV[3])
return {'ok', out, closedNow}
`);
