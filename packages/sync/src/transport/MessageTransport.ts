import type { Delivery, OutgoingMessage } from './StreamMessage.js';

/** A running subscription. */
export interface Subscription {
  /** Stops fetching, waits for the handler's batch in flight, leaves unacknowledged messages pending. */
  close(): Promise<void>;
}

/** What a consumer does with a batch; resolving acknowledges it, rejecting leaves it for redelivery. */
export type DeliveryHandler = (batch: readonly Delivery[]) => Promise<void>;

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
  /** Delivers the topic's messages to `handler` as member `consumer` of `group`. */
  subscribe(
    topic: string,
    group: string,
    consumer: string,
    handler: DeliveryHandler,
  ): Promise<Subscription>;
}
