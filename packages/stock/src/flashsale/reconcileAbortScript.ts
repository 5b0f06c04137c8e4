import { LuaScript } from '@mallkit/resilience';

/**
 * Ends a failed reconcile early: drops its token and settled log, if the token is still
 * its own (another reconcile may have started since it expired).
 *
 * KEYS: reconciling, settled log. ARGV: token. Reply: 1 when dropped, else 0.
 */
export const reconcileAbortScript = new LuaScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1], KEYS[2])
return 1
`);
