import type { SwitchBus } from './SwitchBus.js';

/** Settings of a {@link SwitchBoard}. */
export interface SwitchBoardOptions {
  /** Name in events and stats. @default 'switches' */
  name?: string;
  /**
   * The switches this board knows, with their default state; any other name is an
   * error. A switch being on means the degradation it names is in effect, e.g.
   * `{ 'recommendations.off': false, 'cache.serveStale': false }`.
   * @default {}
   */
  switches?: Readonly<Record<string, boolean>>;
  /**
   * Shares flips with the other nodes and loads the current state, e.g. a
   * {@link RedisSwitchBus}. Without it, switches are local to this process.
   * @default undefined
   */
  bus?: SwitchBus;
}
