import type { ChangeEvent } from '../changes/ChangeEvent.js';
import type { Delivery } from '../transport/StreamMessage.js';

/**
 * What a {@link Consumer} does with one change. Resolving marks it done; rejecting makes
 * the transport deliver it again later (at least once), and after the transport's
 * `maxDeliveries` moves it to the dead-letter stream. Changes of one key arrive in order;
 * changes of different partitions may be handled concurrently.
 */
export type ChangeHandler = (change: ChangeEvent, delivery: Delivery) => Promise<void>;
