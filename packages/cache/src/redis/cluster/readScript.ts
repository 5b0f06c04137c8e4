import { createHash } from 'node:crypto';

/**
 * How the read script marks a key the node may not answer for: the key's slot is served
 * by another node, is being migrated away (the key has left) or imported (the client did
 * not send ASKING), or the cluster is down. An empty array, because nothing a GET answers
 * can take that shape: values are bulk strings, misses are nil (RESP2) or false (RESP3).
 * An integer would not do: a client with `stringNumbers` reads it as the string "0".
 */
export function isNotServedHere(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

/**
 * The read script, run with EVALSHA on one node with zero declared keys and the keys in
 * ARGV (declared keys of several slots would be refused with CROSSSLOT).
 *
 * Each key is read with its own `redis.pcall('GET', key)`. For a command called from a
 * script, Redis 7 runs the same slot check as for a client's command
 * (`scriptVerifyClusterState`: the key must be served by this node, with the caller's
 * READONLY and ASKING flags) and raises "Script attempted to access a non local key"
 * otherwise; `pcall` turns that into an empty array for that key alone, and the
 * caller reads it again through the cluster client, which follows MOVED and ASK. The
 * script can therefore never answer with another node's data nor report a key that moved
 * as a miss. `WRONGTYPE` (a key holding a non-string) reads as a miss, as with MGET.
 *
 * `no-writes` lets it run on replicas (their connections are READONLY) and under
 * `min-replicas-to-write`; `allow-cross-slot-keys` lets it read keys of many slots.
 * Shebang flags need Redis >= 7.0.
 */
export const READ_SCRIPT = `#!lua flags=no-writes,allow-cross-slot-keys
local out = {}
for i = 1, #ARGV do
  local value = redis.pcall('GET', ARGV[i])
  if type(value) == 'table' then
    if string.sub(value.err, 1, 9) == 'WRONGTYPE' then value = false else value = {} end
  end
  out[i] = value
end
return out
`;

/** SHA1 of {@link READ_SCRIPT}, for EVALSHA. */
export const READ_SCRIPT_SHA = createHash('sha1').update(READ_SCRIPT).digest('hex');
