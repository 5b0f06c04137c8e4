import { createHash } from 'node:crypto';

/**
 * The distributed limiter's Lua script: a generic-cell-rate-algorithm token bucket,
 * atomic on the server and timed by the server's own `TIME`, so that the clocks of the
 * application nodes do not matter. Needs Redis >= 5 (scripts replicated by effects).
 *
 * KEYS[1] holds the theoretical arrival time (tat) in µs, expiring once the bucket is
 * full again. ARGV: emission interval in µs (`1e6 / rate`), burst, permits. Replies `0`
 * when admitted, else the time until the permits would fit, in µs (>= 2; nothing is
 * taken then). One integer, not an array: the reply is parsed on every request.
 */
export const gcraScript = `
local time = redis.call('TIME')
local now = time[1] * 1000000 + time[2]
local interval = tonumber(ARGV[1])
local tat = tonumber(redis.call('GET', KEYS[1])) or now
if tat < now then tat = now end
local new_tat = tat + interval * ARGV[3]
local excess = new_tat - now - interval * ARGV[2]
if excess > 1 then return math.ceil(excess) end
redis.call('SET', KEYS[1], new_tat, 'PX', math.ceil((new_tat - now) / 1000) + 1)
return 0
`;

/** SHA1 of {@link gcraScript}, for `EVALSHA`. */
export const gcraScriptSha = createHash('sha1').update(gcraScript).digest('hex');
