/** A switch state as a {@link SwitchBus} stores and broadcasts it. */
export interface SwitchUpdate {
  /** The switch. */
  name: string;
  /** Its state. */
  on: boolean;
  /**
   * Orders the changes of one switch across the cluster: a board applies an update only
   * if its version is higher than the last one it applied for that switch.
   */
  version: number;
}
