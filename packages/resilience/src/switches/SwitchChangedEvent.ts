/** A degradation switch flipped; published as `switch.changed`. */
export interface SwitchChangedEvent {
  /** The name of the {@link SwitchBoard}. */
  board: string;
  /** The switch. */
  name: string;
  /** Its new state. */
  on: boolean;
  /** `'local'`: flipped with {@link SwitchBoard.set} here; `'remote'`: by another node, or loaded. */
  source: 'local' | 'remote';
}
