/** A switch and its state, from {@link SwitchBoard.list}. */
export interface SwitchState {
  /** The switch. */
  name: string;
  /** Whether it is on (the degradation it names is in effect). */
  on: boolean;
  /** Its declared state, used until the cluster says otherwise. */
  defaultOn: boolean;
}
