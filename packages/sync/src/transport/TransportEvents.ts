import type { ConsumerLag } from '../lag/ConsumerLag.js';
import type { DeadLetter } from './DeadLetter.js';

/** Where a consumer group's member works: a partition of a topic. */
export interface PartitionEvent {
  /** The topic. */
  topic: string;
  /** The consumer group. */
  group: string;
  /** The member of the group. */
  consumer: string;
  /** The partition. */
  partition: number;
}

/** Messages were appended to a topic. */
export interface PublishedEvent {
  /** The topic. */
  topic: string;
  /** How many messages. */
  messages: number;
  /** How many partitions they went to. */
  partitions: number;
  /** How long the publish took, in ms (replication wait included). */
  ms: number;
}

/** A batch was handed to a handler. */
export interface DeliveredEvent extends PartitionEvent {
  /** How many messages. */
  messages: number;
  /** Whether it is a redelivery (of a failed batch or of a dead consumer's message). */
  redelivery: boolean;
}

/** A handled batch was acknowledged. */
export interface AckedEvent extends PartitionEvent {
  /** How many messages. */
  messages: number;
  /** Position of the last of them: the group's checkpoint in the partition. */
  lastEntryId: string;
}

/** Messages another member left pending (it died, or lost the partition) were taken over. */
export interface ClaimedEvent extends PartitionEvent {
  /** How many messages. */
  messages: number;
}

/** A member took a partition over (`assigned`) or gave it up (`released`). */
export interface AssignmentEvent extends PartitionEvent {
  /** Why it was released: the group rebalanced, the lease was lost, or the subscription closed. */
  reason?: 'rebalance' | 'lost' | 'closed';
}

/** What the transport was doing when an error happened. */
export type TransportStage =
  | 'publish'
  | 'read'
  | 'ack'
  | 'claim'
  | 'deadLetter'
  | 'handler'
  | 'lease'
  | 'trim'
  | 'lag';

/** Something failed; the transport retries on its own (a failed publish is the caller's to retry). */
export interface TransportErrorEvent {
  /** The topic. */
  topic: string;
  /** The consumer group, when a subscription failed. */
  group?: string;
  /** The member of the group, when a subscription failed. */
  consumer?: string;
  /** The partition, when one was involved. */
  partition?: number;
  /** What was being done. */
  stage: TransportStage;
  /** The failure. */
  error: unknown;
}

/**
 * Typed events of a transport, also published on `diagnostics_channel` as
 * `mallkit:sync:transport:<name>`.
 */
export interface TransportEvents {
  /** Messages were appended. */
  published: PublishedEvent;
  /** A batch was handed to a handler. */
  delivered: DeliveredEvent;
  /** A batch was acknowledged. */
  acked: AckedEvent;
  /** Pending messages of another member were taken over. */
  claimed: ClaimedEvent;
  /** A message was moved to the dead-letter stream. */
  deadLettered: DeadLetter;
  /** A member took a partition over. */
  assigned: AssignmentEvent;
  /** A member gave a partition up. */
  released: AssignmentEvent;
  /** Something failed. */
  error: TransportErrorEvent;
  /** A group's lag was measured. */
  lag: ConsumerLag;
}
