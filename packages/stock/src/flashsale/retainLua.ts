/**
 * Lua source of `retain(meta, stream, keys, ms)`, put in front of every script after which
 * an activity can be finished (see `retainScript`, `settleScript`,
 * `reconcileRepairScript`). When the activity is `closed` and its hand-off stream holds no
 * admitted order (every one settled) and no dead letter, each of `keys` that exists
 * without a TTL gets one deadline, `ms` from the server's clock: the keys of an activity
 * expire together, and an activity with orders in flight or dead letters (admitted orders
 * the database refused, which an operator must settle) never expires. A key that has a deadline keeps it, so a
 * later call (a second `close`, a reconcile, a late settlement) never extends the
 * retention. Returns how many keys got the deadline.
 */
export const retainLua = `
local function retain(meta, stream, keys, ms)
  -- the dead letters live beside the meta key ({tag}:meta, {tag}:dead: see flashSaleKeys)
  local dead = string.sub(meta, 1, -5) .. 'dead'
  if redis.call('HGET', meta, 'state') ~= 'closed' or redis.call('XLEN', stream) > 0
    or redis.call('XLEN', dead) > 0 then
    return 0
  end
  local now = redis.call('TIME')
  local at = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) + tonumber(ms)
  local deadline = string.format('%.0f', at)
  local set = 0
  for _, key in ipairs(keys) do
    if redis.call('PTTL', key) == -1 then
      redis.call('PEXPIREAT', key, deadline)
      set = set + 1
    end
  end
  return set
end
`;
