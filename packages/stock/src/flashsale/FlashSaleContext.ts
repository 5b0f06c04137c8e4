import type { EventHub } from '@mallkit/resilience';
import type { FlashSaleEvents } from './FlashSaleEvents.js';
import type { FlashSaleKeys } from './FlashSaleKeys.js';
import type { FlashSaleConnection } from './FlashSaleRedis.js';
import type { ReplicaBarrier } from './ReplicaBarrier.js';
import type { FlashSaleSettings } from './resolveFlashSaleOptions.js';
import type { SlotRouter } from './SlotRouter.js';

/** What a flash sale shares with its writers and its reconciler. */
export interface FlashSaleContext {
  /** The sale's settings, defaults applied. */
  readonly settings: FlashSaleSettings;
  /** The sale's events; writers and the reconciler emit on it too. */
  readonly events: EventHub<FlashSaleEvents>;
  /** Routes commands of the sale's client. */
  readonly router: SlotRouter;
  /** The keys of an activity. */
  keys(activityId: string): FlashSaleKeys;
  /** The `WAIT` batcher of one of the sale client's connections; `undefined` when `replicas` is 0. */
  barrier(connection: FlashSaleConnection): ReplicaBarrier | undefined;
}
