import { LuaScript } from '@mallkit/resilience';

/**
 * Admission of one order, atomically:
 * 1. the activity must be `open`, else `{'closed', state}`;
 * 2. an idempotency record of the order number answers for it: another fingerprint is
 *    `{'conflict'}`; the same one is `{'replay', status, lines, streamId}` (and bumps the
 *    record's `replays`, a write, so that a `WAIT` after it covers the record too);
 * 3. every line takes the first of its candidate rows with enough units left; when one
 *    line has none, `{'short', firstCandidate}` and nothing changes;
 * 4. else the units are taken, the order is appended to the hand-off stream and the
 *    record (fingerprint, status `admitted`, lines, stream id) is written with its TTL:
 *    `{'admitted', streamId, lines}`.
 *
 * KEYS: meta, stock, the order's record, stream.
 * ARGV: orderNo, fingerprint, record TTL (ms), line count, then per line: quantity,
 * candidate count, the candidate fields.
 */
export const buyScript = new LuaScript(`
local state = redis.call('HGET', KEYS[1], 'state')
if state ~= 'open' then return {'closed', state or ''} end
local record = redis.call('HMGET', KEYS[3], 'fp', 'status', 'lines', 'id')
if record[1] then
  if record[1] ~= ARGV[2] then return {'conflict'} end
  redis.call('HINCRBY', KEYS[3], 'replays', 1)
  return {'replay', record[2], record[3], record[4]}
end
local picks = {}
local at = 5
for _ = 1, tonumber(ARGV[4]) do
  local quantity = tonumber(ARGV[at])
  local count = tonumber(ARGV[at + 1])
  local pick = false
  for c = at + 2, at + 1 + count do
    local left = tonumber(redis.call('HGET', KEYS[2], ARGV[c]) or '-1')
    if left >= quantity then
      pick = ARGV[c]
      break
    end
  end
  if not pick then return {'short', ARGV[at + 2]} end
  picks[#picks + 1] = pick
  picks[#picks + 1] = ARGV[at]
  at = at + 2 + count
end
for p = 1, #picks, 2 do
  redis.call('HINCRBY', KEYS[2], picks[p], -tonumber(picks[p + 1]))
end
local lines = table.concat(picks, '\\n')
local id = redis.call('XADD', KEYS[4], '*', 'o', ARGV[1], 'l', lines)
redis.call('HSET', KEYS[3], 'fp', ARGV[2], 'status', 'admitted', 'lines', lines, 'id', id)
redis.call('PEXPIRE', KEYS[3], ARGV[3])
return {'admitted', id, lines}
`);
