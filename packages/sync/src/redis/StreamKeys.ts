/**
 * Names of the Redis keys of one transport. Each partition of a topic is its own stream
 * `<prefix>{<topic>:<p>}`, its own hash tag, so the partitions spread over a Cluster's
 * slots; a partition's group leases carry the same tag, so a script may read both.
 * @internal
 */
export class StreamKeys {
  readonly #prefix: string;

  /** @param prefix - prefix of every key */
  constructor(prefix: string) {
    this.#prefix = prefix;
  }

  /** The stream of partition `p` of `topic`. */
  partition(topic: string, p: number): string {
    return `${this.#prefix}{${topic}:${p}}`;
  }

  /** The dead-letter stream of `topic`. */
  dead(topic: string): string {
    return `${this.#prefix}{${topic}:dead}`;
  }

  /** Who of `group` consumes partition `p` of `topic` (a key with an expiry). */
  lease(topic: string, p: number, group: string): string {
    return `${this.#prefix}{${topic}:${p}}:lease:${group}`;
  }

  /** The live members of `group` on `topic` (a sorted set scored by last heartbeat). */
  members(topic: string, group: string): string {
    return `${this.#prefix}{${topic}}:members:${group}`;
  }
}
