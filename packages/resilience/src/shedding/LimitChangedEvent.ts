/** An adaptive concurrency limit moved; published as `shedder.limit`. */
export interface LimitChangedEvent {
  /** The limit instance's name. */
  name: string;
  /** The algorithm that moved it. */
  algorithm: 'aimd' | 'gradient';
  /** The new limit. */
  limit: number;
  /** The limit before the change. */
  previous: number;
}
