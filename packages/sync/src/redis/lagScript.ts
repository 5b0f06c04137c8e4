import { LuaScript } from '@mallkit/resilience';
import { streamIdLua } from './streamIdScript.js';

/**
 * KEYS[1] a partition stream, KEYS[2] its lease for the group; ARGV[1] the group,
 * ARGV[2] most entries to count when Redis cannot tell the group's lag (before 7.0, or
 * after deletions in the middle of the stream). Replies
 * `{undelivered, pending, lastDeliveredId, oldestId, owner, timeSeconds, timeMicros}`,
 * read in one atomic step; `oldestId` is the oldest entry not acknowledged ('' if none).
 * @internal
 */
export const lagScript = new LuaScript(`${streamIdLua}
local t = redis.call('TIME')
local owner = redis.call('GET', KEYS[2]) or ''
if redis.call('EXISTS', KEYS[1]) == 0 then return {0, 0, '', '', owner, t[1], t[2]} end
local group = nil
for _, g in ipairs(redis.call('XINFO', 'GROUPS', KEYS[1])) do
  if field(g, 'name') == ARGV[1] then group = g end
end
if group == nil then
  local first = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', 1)
  local oldest = ''
  if #first > 0 then oldest = first[1][1] end
  return {redis.call('XLEN', KEYS[1]), 0, '', oldest, owner, t[1], t[2]}
end
local last = field(group, 'last-delivered-id')
local lag = field(group, 'lag')
if type(lag) ~= 'number' then
  lag = #redis.call('XRANGE', KEYS[1], '(' .. last, '+', 'COUNT', tonumber(ARGV[2]))
end
local pending = redis.call('XPENDING', KEYS[1], ARGV[1])
local oldest = ''
if pending[1] > 0 then
  oldest = pending[2]
elseif lag > 0 then
  local next = redis.call('XRANGE', KEYS[1], '(' .. last, '+', 'COUNT', 1)
  if #next > 0 then oldest = next[1][1] end
end
if last == '0-0' then last = '' end
return {lag, pending[1], last, oldest, owner, t[1], t[2]}
`);
