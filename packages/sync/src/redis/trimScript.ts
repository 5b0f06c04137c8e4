import { LuaScript } from '@mallkit/resilience';
import { streamIdLua } from './streamIdScript.js';

/**
 * KEYS[1] a partition stream. Removes the entries every consumer group acknowledged:
 * those older than, for each group, its oldest pending entry or, when it has none, the
 * entry after its last delivered one. With no group, nothing is removed (nobody has
 * read anything). Entries still pending for a group are never removed: `XTRIM` would
 * leave them in the pending list without their content (redis#5718). Atomic, so no
 * delivery slips in between reading the groups and trimming. Replies how many entries
 * were removed.
 * @internal
 */
export const trimScript = new LuaScript(`${streamIdLua}
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local groups = redis.call('XINFO', 'GROUPS', KEYS[1])
if #groups == 0 then return 0 end
local cut = nil
for _, g in ipairs(groups) do
  local name = field(g, 'name')
  local oldest
  local pending = redis.call('XPENDING', KEYS[1], name)
  if pending[1] > 0 then
    oldest = pending[2]
  else
    oldest = after(field(g, 'last-delivered-id'))
  end
  if cut == nil or less(oldest, cut) then cut = oldest end
end
return redis.call('XTRIM', KEYS[1], 'MINID', cut)
`);
