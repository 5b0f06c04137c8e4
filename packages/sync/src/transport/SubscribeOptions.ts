/**
 * Delivery settings of one subscription; each overrides the transport's setting of the
 * same name.
 */
export interface SubscribeOptions {
  /**
   * Most messages handed to the handler at once (integer >= 1).
   * @default the transport's `batchSize`
   */
  batchSize?: number;
  /**
   * Deliveries of one message before it moves to the dead-letter stream (integer >= 1).
   * @default the transport's `maxDeliveries`
   */
  maxDeliveries?: number;
  /**
   * Wait before redelivering after the handler failed, in ms; doubled on each further
   * delivery of the message, up to `maxRetryDelayMs`.
   * @default the transport's `retryDelayMs`
   */
  retryDelayMs?: number;
  /**
   * Longest wait before a redelivery, in ms.
   * @default the transport's `maxRetryDelayMs`
   */
  maxRetryDelayMs?: number;
}
