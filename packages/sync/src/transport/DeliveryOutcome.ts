import type { Delivery } from './StreamMessage.js';

/** A message of a batch that the handler sends to the dead-letter stream. */
export interface DeadLetterRequest {
  /** The message, as it was handed to the handler. */
  delivery: Delivery;
  /** Why it cannot be processed, kept with the dead letter for people. */
  reason: string;
}

/**
 * What a {@link DeliveryHandler} may resolve with: the batch is acknowledged, and the
 * messages listed in `deadLetters` are moved to the topic's dead-letter stream first.
 */
export interface DeliveryOutcome {
  /** Messages to dead-letter rather than acknowledge as processed. @default [] */
  deadLetters?: readonly DeadLetterRequest[];
}
