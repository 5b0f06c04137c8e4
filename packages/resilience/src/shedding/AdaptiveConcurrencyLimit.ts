/**
 * A concurrency limit that the {@link LoadShedder} reads on every admission and feeds
 * with the outcome of every finished request. {@link AimdLimit} and
 * {@link GradientLimit} implement it; a fixed limit is given to the shedder as a number.
 */
export interface AdaptiveConcurrencyLimit {
  /** The current limit: how many requests may be in flight at once (a whole number >= 1). */
  readonly limit: number;
  /**
   * Feeds one finished request.
   *
   * @param rttMs - how long the request took, in ms
   * @param inflight - requests in flight when it was admitted, itself included
   * @param dropped - whether it timed out or was refused downstream for overload
   */
  onSample(rttMs: number, inflight: number, dropped: boolean): void;
}
