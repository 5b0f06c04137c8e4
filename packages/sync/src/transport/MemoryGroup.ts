import { SyncError } from '../errors/SyncError.js';
import type { PartitionRunner } from './PartitionRunner.js';

/** One subscription of a {@link MemoryGroup}. @internal */
export interface MemoryMember {
  readonly consumer: string;
  /** Builds the runner of one partition for this member (not started). */
  readonly runner: (partition: number) => PartitionRunner;
  readonly runners: Map<number, PartitionRunner>;
  /** Told when a partition was started at this member. */
  readonly assigned: (partition: number) => void;
  /** Told when a partition was stopped at this member. */
  readonly released: (partition: number, reason: 'rebalance' | 'closed') => void;
}

/**
 * The members of one consumer group of one in-memory topic, and which partitions each
 * consumes: partition `p` goes to member `p mod n` in joining order. On every join and
 * leave the partitions that change hands are first stopped at their old owner (its batch
 * in flight finishes), then started at the new one, so a partition is never consumed
 * twice at once. A partition's holder is the member whose runner was started and not yet
 * stopped, as a Redis lease holds from before the start until after the stop.
 * @internal
 */
export class MemoryGroup {
  readonly #partitions: number;
  readonly #members: MemoryMember[] = [];
  readonly #holders = new Map<number, string>();
  #queue: Promise<void> = Promise.resolve();

  /** @param partitions - partitions of the topic */
  constructor(partitions: number) {
    this.#partitions = partitions;
  }

  /** The member holding partition `p`, if one does. */
  holder(p: number): string | undefined {
    return this.#holders.get(p);
  }

  /** Adds a member and rebalances. */
  join(member: MemoryMember): Promise<void> {
    if (this.#members.some((m) => m.consumer === member.consumer)) {
      throw new SyncError(
        'INVALID_OPTION',
        `consumer ${JSON.stringify(member.consumer)} is already subscribed in this group`,
      );
    }
    this.#members.push(member);
    return this.#rebalance();
  }

  /** Removes a member (its runners stopped) and rebalances. */
  leave(member: MemoryMember): Promise<void> {
    const index = this.#members.indexOf(member);
    if (index >= 0) this.#members.splice(index, 1);
    return this.#rebalance(member);
  }

  #rebalance(leaving?: MemoryMember): Promise<void> {
    const run = async () => {
      const owner = (p: number) => this.#members[p % this.#members.length];
      const stops: Promise<void>[] = [];
      for (const member of [...this.#members, ...(leaving ? [leaving] : [])]) {
        for (const [p, runner] of member.runners) {
          if (owner(p) !== member) {
            member.runners.delete(p);
            stops.push(
              runner.stop().then(() => {
                this.#holders.delete(p);
                member.released(p, member === leaving ? 'closed' : 'rebalance');
              }),
            );
          }
        }
      }
      await Promise.all(stops);
      for (let p = 0; p < this.#partitions; p++) {
        const member = owner(p);
        if (member && !member.runners.has(p)) {
          const runner = member.runner(p);
          member.runners.set(p, runner);
          this.#holders.set(p, member.consumer);
          runner.start();
          member.assigned(p);
        }
      }
    };
    this.#queue = this.#queue.then(run, run);
    return this.#queue;
  }
}
