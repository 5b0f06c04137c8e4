/** A message as published to a topic of the message stream. */
export interface OutgoingMessage {
  /** Partition key: messages of one key are delivered in order, to one consumer at a time. */
  key: string;
  /** Unique id, used by consumers to deduplicate redeliveries. */
  id: string;
  /** The payload, already encoded (JSON). */
  body: string;
}

/** A message as delivered to a consumer. */
export interface Delivery extends OutgoingMessage {
  /** The topic. */
  topic: string;
  /** How many times it was delivered, this time included. */
  deliveries: number;
  /** The partition of the topic it was read from, when the transport partitions. */
  partition?: number;
  /** When the transport accepted it (epoch ms), when the transport knows. */
  publishedAt?: number;
}
