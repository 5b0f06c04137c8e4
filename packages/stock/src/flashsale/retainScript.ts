import { LuaScript } from '@mallkit/resilience';
import { retainLua } from './retainLua.js';

/**
 * Starts the retention of a finished activity (see `retainLua`): once it is `closed` and
 * nothing is in flight, its keys expire `retainMs` from now, together. Does nothing
 * otherwise; idempotent.
 *
 * KEYS: meta, stock, stream, dead-letter stream, settled log. ARGV: retainMs.
 * Reply: how many keys got the deadline.
 */
export const retainScript = new LuaScript(`${retainLua}
return retain(KEYS[1], KEYS[3], KEYS, ARGV[1])
`);
