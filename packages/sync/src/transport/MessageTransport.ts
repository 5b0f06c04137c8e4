import type { DeliveryOutcome } from './DeliveryOutcome.js';
import type { Delivery, OutgoingMessage } from './StreamMessage.js';
import type { SubscribeOptions } from './SubscribeOptions.js';

/** A running subscription. */
export interface Subscription {
  /** Stops fetching, waits for the handler's batch in flight, leaves unacknowledged messages pending. */
  close(): Promise<void>;
}

/**
 * What a consumer does with a batch; resolving acknowledges it, rejecting leaves it for
 * redelivery. It may resolve with a {@link DeliveryOutcome} naming messages to move to the
 * dead-letter stream instead (a message it cannot decode, say). Batches of different
 * partitions may be handled concurrently; batches of one partition never are.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a plain `async () => {}` handler must fit
export type DeliveryHandler = (batch: readonly Delivery[]) => Promise<void | DeliveryOutcome>;

/**
 * The message stream between sources and consumers: topics partitioned by key,
 * consumer groups, at-least-once delivery, redelivery of messages a dead
 * consumer left, and a dead-letter topic after too many deliveries. The Redis
 * Streams transport ships with the package; Kafka, NATS JetStream or RabbitMQ
 * can implement the same interface.
 */
export interface MessageTransport {
  /** Appends messages; resolves once they are durably accepted. */
  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  /**
   * Delivers the topic's messages to `handler` as member `consumer` of `group`.
   * `options` overrides the transport's delivery settings for this subscription.
   */
  subscribe(
    topic: string,
    group: string,
    consumer: string,
    handler: DeliveryHandler,
    options?: SubscribeOptions,
  ): Promise<Subscription>;
}
