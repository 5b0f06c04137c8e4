import type { ChangeEvent } from '../changes/ChangeEvent.js';
import type { Deduplicator } from '../dedup/Deduplicator.js';
import type { MessageTransport } from '../transport/MessageTransport.js';
import type { SubscribeOptions } from '../transport/SubscribeOptions.js';
import type { ChangeHandler } from './ChangeHandler.js';

/** Settings of a {@link Consumer}. */
export interface ConsumerOptions {
  /** Where the changes come from: a `RedisStreamTransport`, a `MemoryTransport`… Required. */
  transport: MessageTransport;
  /** The topic to consume. Required. */
  topic: string;
  /**
   * The consumer group: every group gets every change once; the members of a group
   * share the changes. Required.
   */
  group: string;
  /**
   * This member's name in the group, unique in it and stable across restarts of the
   * same process (e.g. the host name): a restarted member resumes its own pending
   * changes at once. Required.
   */
  name: string;
  /** What to do with each change. Required. */
  handler: ChangeHandler;
  /**
   * Skips changes already processed (by `id`), marking each after its handler succeeded.
   * @default none: a redelivered change is handled again
   */
  deduplicator?: Deduplicator;
  /**
   * Turns a message body into a change; throwing sends the message to the dead-letter
   * stream with the error's message as the reason.
   * @default `decodeChangeEvent` (JSON, shape checked)
   */
  decode?: (body: string) => ChangeEvent;
  /**
   * Delivery settings of the subscription (batch size, deliveries before dead letter,
   * retry delays).
   * @default the transport's
   */
  delivery?: SubscribeOptions;
}
