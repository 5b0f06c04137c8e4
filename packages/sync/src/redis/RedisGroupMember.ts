import type { EventHub } from '@mallkit/resilience';
import type { Subscription } from '../transport/MessageTransport.js';
import type { PartitionRunner } from '../transport/PartitionRunner.js';
import { partitionOf } from '../transport/partitionOf.js';
import type { TransportEvents, TransportStage } from '../transport/TransportEvents.js';
import { releaseLease, renewLease } from './leaseScripts.js';
import type { RedisStreamClient } from './RedisStreamClient.js';
import type { StreamKeys } from './StreamKeys.js';

/** What a {@link RedisGroupMember} needs. @internal */
export interface RedisGroupMemberOptions {
  client: RedisStreamClient;
  keys: StreamKeys;
  topic: string;
  group: string;
  consumer: string;
  partitions: number;
  leaseMs: number;
  events: EventHub<TransportEvents>;
  /** Builds the (not started) runner of partition `p`; `mayHandle` tells whether the lease holds. */
  runner: (p: number, mayHandle: () => boolean, onLost: () => void) => PartitionRunner;
}

interface Held {
  runner: PartitionRunner;
  /** Until when the lease surely holds (epoch ms, local clock). */
  until: number;
  /** Set while the runner stops before the lease is given back. */
  releasing?: Promise<void>;
}

/**
 * One member of a consumer group on a Redis topic. Members share the partitions through
 * leases: a key per partition and group (`SET NX PX`), renewed every `leaseMs / 3`.
 * Live members heartbeat in a sorted set; each takes up to its fair share,
 * `ceil(partitions / members)`, and gives back what exceeds it after its batch in
 * flight, so a joining member gets work and a dead member's partitions move to the
 * others once its leases expire. A partition is consumed by one member at a time as
 * long as leases hold: a member whose renewals stop (a pause longer than `leaseMs`)
 * stops before handling anything more.
 * @internal
 */
export class RedisGroupMember implements Subscription {
  readonly #o: RedisGroupMemberOptions;
  readonly #held = new Map<number, Held>();
  readonly #start: number;
  #timer: NodeJS.Timeout | undefined;
  #ticking: Promise<void> | undefined;
  #closing = false;
  #closed: Promise<void> | undefined;
  #members = 1;

  /** @param options - the group, this member, and how to consume a partition */
  constructor(options: RedisGroupMemberOptions) {
    this.#o = options;
    this.#start = partitionOf(options.consumer, options.partitions);
  }

  /** Joins the group and takes a first share of the partitions. */
  async start(): Promise<void> {
    await this.#tick();
    this.#timer = setInterval(
      () => void this.#tick(),
      Math.max(10, Math.floor(this.#o.leaseMs / 3)),
    );
    this.#timer.unref();
  }

  /** Stops every partition (batches in flight finish), gives the leases back, leaves. */
  close(): Promise<void> {
    this.#closed ??= this.#close();
    return this.#closed;
  }

  async #close(): Promise<void> {
    this.#closing = true;
    await Promise.all([...this.#held.keys()].map((p) => this.#release(p, 'closed')));
    clearInterval(this.#timer);
    await this.#ticking;
    const { client, keys, topic, group, consumer } = this.#o;
    await client.call('zrem', keys.members(topic, group), consumer).catch((error: unknown) => {
      this.#error('lease', error);
    });
  }

  #tick(): Promise<void> {
    this.#ticking ??= this.#balance().finally(() => {
      this.#ticking = undefined;
    });
    return this.#ticking;
  }

  async #balance(): Promise<void> {
    const { client, keys, topic, group, consumer, leaseMs, partitions } = this.#o;
    const now = Date.now();
    if (!this.#closing) {
      try {
        const members = keys.members(topic, group);
        const pipeline = client.pipeline(); // one key: one slot, one round trip
        pipeline.call('zadd', members, now, consumer);
        pipeline.call('zremrangebyscore', members, '-inf', now - leaseMs);
        pipeline.call('pexpire', members, leaseMs * 3);
        pipeline.call('zcard', members);
        const replies = (await pipeline.exec()) ?? [];
        for (const [error] of replies) if (error) throw error;
        this.#members = Math.max(1, Number(replies[3]?.[1] ?? 1));
      } catch (error) {
        this.#error('lease', error);
      }
    }
    await Promise.all([...this.#held.keys()].map((p) => this.#renew(p)));
    if (this.#closing) return;
    const fair = Math.ceil(partitions / this.#members);
    const running = [...this.#held].filter(([, h]) => !h.releasing).map(([p]) => p);
    if (running.length > fair) {
      for (const p of running.slice(fair)) void this.#release(p, 'rebalance');
      return;
    }
    let owned = running.length;
    for (let i = 0; i < partitions && owned < fair; i++) {
      const p = (this.#start + i) % partitions;
      if (this.#held.has(p)) continue;
      const sent = Date.now();
      try {
        const reply = await client.call(
          'set',
          keys.lease(topic, p, group),
          consumer,
          'PX',
          leaseMs,
          'NX',
        );
        if (reply !== 'OK' || this.#closing) {
          if (reply === 'OK') await this.#giveBack(p);
          continue;
        }
      } catch (error) {
        this.#error('lease', error, p);
        return;
      }
      const held: Held = {
        until: sent + leaseMs,
        runner: this.#o.runner(
          p,
          () => Date.now() < held.until,
          () => void this.#lost(p, held),
        ),
      };
      this.#held.set(p, held);
      owned += 1;
      held.runner.start();
      this.#o.events.emit('assigned', { topic, group, consumer, partition: p });
    }
  }

  async #renew(p: number): Promise<void> {
    const held = this.#held.get(p);
    if (!held) return;
    const { client, keys, topic, group, consumer, leaseMs } = this.#o;
    const sent = Date.now();
    try {
      const kept = await renewLease.run(client, [keys.lease(topic, p, group)], [consumer, leaseMs]);
      if (Number(kept) === 1) {
        held.until = sent + leaseMs;
        return;
      }
    } catch (error) {
      this.#error('lease', error, p);
      if (Date.now() < held.until) return; // may still hold: try again next tick
    }
    await this.#lost(p, held);
  }

  async #lost(p: number, held: Held): Promise<void> {
    if (this.#held.get(p) !== held || held.releasing) return;
    held.until = 0; // handle nothing more
    this.#held.delete(p);
    await held.runner.stop();
    const { topic, group, consumer } = this.#o;
    this.#o.events.emit('released', { topic, group, consumer, partition: p, reason: 'lost' });
  }

  #release(p: number, reason: 'rebalance' | 'closed'): Promise<void> {
    const held = this.#held.get(p);
    if (!held) return Promise.resolve();
    held.releasing ??= (async () => {
      await held.runner.stop();
      if (this.#held.get(p) === held) this.#held.delete(p);
      await this.#giveBack(p);
      const { topic, group, consumer } = this.#o;
      this.#o.events.emit('released', { topic, group, consumer, partition: p, reason });
    })();
    return held.releasing;
  }

  async #giveBack(p: number): Promise<void> {
    const { client, keys, topic, group, consumer } = this.#o;
    try {
      await releaseLease.run(client, [keys.lease(topic, p, group)], [consumer]);
    } catch (error) {
      this.#error('lease', error, p); // it expires on its own
    }
  }

  #error(stage: TransportStage, error: unknown, partition?: number): void {
    const { topic, group, consumer } = this.#o;
    this.#o.events.emit('error', {
      topic,
      group,
      consumer,
      stage,
      error,
      ...(partition === undefined ? {} : { partition }),
    });
  }
}
