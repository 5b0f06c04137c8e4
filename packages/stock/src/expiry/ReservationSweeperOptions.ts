/** Options of {@link ReservationSweeper}. */
export interface ReservationSweeperOptions {
  /**
   * Pause between sweeps, in ms.
   * @default 5000
   */
  intervalMs?: number;
  /**
   * Reservations released per transaction; a full batch is followed at once by the next.
   * @default 100
   */
  batchSize?: number;
  /**
   * Called when a sweep fails (the next one retries); the library never logs.
   * @default ignores the error
   */
  onError?: (error: unknown) => void;
}
