import type { AttemptContext } from './AttemptContext.js';
import type { Expirable } from './DeadlineQueue.js';

/** The call an attempt belongs to, told when the attempt's deadline passes. */
export interface AttemptOwner {
  /** The attempt's deadline passed. */
  expired(attempt: Attempt): void;
}

/**
 * One attempt in flight: the context the guarded function sees and the entry in the
 * deadline queue — one small object, so an attempt allocates as little as possible.
 * Its `AbortSignal` is made only if the guarded function reads it.
 */
export class Attempt implements AttemptContext, Expirable {
  readonly attempt: number;
  /** When the attempt times out, on the policy clock. */
  deadline = 0;
  /** Settled: by its outcome, its deadline or its caller's abort. */
  done = false;
  readonly #owner: AttemptOwner;
  #controller: AbortController | undefined;
  #abortReason: unknown;

  /**
   * @param attempt - 1 for the first attempt
   * @param owner - the call that settles it
   */
  constructor(attempt: number, owner: AttemptOwner) {
    this.attempt = attempt;
    this.#owner = owner;
  }

  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.done) this.#controller.abort(this.#abortReason);
    }
    return this.#controller.signal;
  }

  /** Marks the attempt settled; aborts its signal when it ended in failure. */
  settle(failure?: unknown): boolean {
    if (this.done) return false;
    this.done = true;
    if (failure !== undefined) {
      this.#abortReason = failure;
      this.#controller?.abort(failure);
    }
    return true;
  }

  expire(): void {
    this.#owner.expired(this);
  }
}
