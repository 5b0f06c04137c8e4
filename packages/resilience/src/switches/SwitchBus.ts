import type { SwitchUpdate } from './SwitchUpdate.js';

/**
 * Carries switch flips between the {@link SwitchBoard}s of a cluster and keeps the
 * current state for boards that start late or reconnect. {@link RedisSwitchBus} is the
 * Redis implementation; one bus can serve several boards.
 */
export interface SwitchBus {
  /**
   * Starts delivering updates to `listener`: the stored state of every switch, then each
   * change published by any node, and the whole stored state again whenever the bus
   * reconnects. Resolves once the stored state was delivered.
   */
  attach(listener: (update: SwitchUpdate) => void): Promise<void>;
  /** Stops delivering updates to `listener`. */
  detach(listener: (update: SwitchUpdate) => void): void;
  /** Stores and broadcasts a change; resolves with the version it got. */
  publish(name: string, on: boolean): Promise<number>;
}
