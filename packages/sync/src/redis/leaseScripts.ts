import { LuaScript } from '@mallkit/resilience';

/** KEYS[1] lease; ARGV[1] owner, ARGV[2] ttl ms. Extends the lease while `owner` holds it: 1, else 0. @internal */
export const renewLease = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
`);

/** KEYS[1] lease; ARGV[1] owner. Deletes the lease while `owner` holds it. @internal */
export const releaseLease = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`);
