import type { ChangeEvent } from '../changes/ChangeEvent.js';
import type { MessageTransport } from '../transport/MessageTransport.js';

/** Options of {@link TransportSink}. */
export interface TransportSinkOptions {
  /** Where the changes go, e.g. the Redis Streams transport of `@mallkit/sync/redis`. */
  transport: MessageTransport;
  /**
   * The topic of a change: a fixed name, or a function of the change (one topic
   * per table, per aggregate type, ...). Changes of one key must map to one topic
   * for their order to hold end to end.
   * @default (change) => change.table, i.e. one topic per table (outbox events: per topic)
   */
  topic?: string | ((change: ChangeEvent) => string);
  /**
   * Encodes a change into the message body.
   * @default JSON.stringify of the whole change (Dates as ISO strings, Buffers as `{type,data}`, bigints as strings)
   */
  encode?: (change: ChangeEvent) => string;
}
