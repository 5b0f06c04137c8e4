import type { FlashSaleConnection } from './FlashSaleRedis.js';

interface Round {
  /** Commands handed to the connection before this round's WAIT was. */
  covers: number;
  done: Promise<number>;
}

/** Callers waiting for the next `WAIT`, which is not sent yet. */
interface Queued {
  done: Promise<number>;
  settle: (round: Promise<number>) => void;
}

/**
 * `WAIT` with group commit, for one connection. `WAIT n t` blocks the connection until
 * `n` replicas acknowledged every write the connection sent before it (or `t` ms passed)
 * and answers how many did; so one `WAIT` covers every script sent before it on the same
 * connection. Callers {@link ReplicaBarrier.mark} each script synchronously as they hand
 * it to the connection, then {@link ReplicaBarrier.wait} with the mark: a `WAIT` already
 * sent after that mark answers for it; otherwise the caller joins the next `WAIT`, sent
 * as soon as the one in flight returns. At most one `WAIT` per connection is in flight
 * (a blocked connection holds back the commands behind it anyway).
 */
export class ReplicaBarrier {
  readonly #connection: FlashSaleConnection;
  readonly #replicas: number;
  readonly #timeoutMs: number;
  #sent = 0;
  #inFlight: Round | undefined;
  #next: Queued | undefined;

  /**
   * @param connection - the one connection scripts and `WAIT` go through
   * @param replicas - replicas that must acknowledge
   * @param timeoutMs - how long one `WAIT` may block
   */
  constructor(connection: FlashSaleConnection, replicas: number, timeoutMs: number) {
    this.#connection = connection;
    this.#replicas = replicas;
    this.#timeoutMs = timeoutMs;
  }

  /** Counts one command handed to the connection; returns its mark. Call it synchronously before the send. */
  mark(): number {
    this.#sent += 1;
    return this.#sent;
  }

  /** Resolves to how many replicas acknowledged every command up to `mark`. */
  wait(mark: number): Promise<number> {
    if (this.#inFlight && this.#inFlight.covers >= mark) return this.#inFlight.done;
    const next = this.#next ?? this.#queue();
    if (!this.#inFlight) this.#flush();
    return next.done;
  }

  #queue(): Queued {
    let settle: (round: Promise<number>) => void = () => {};
    const done = new Promise<number>((resolve, reject) => {
      settle = (round) => round.then(resolve, reject);
    });
    this.#next = { done, settle };
    return this.#next;
  }

  #flush(): void {
    const next = this.#next;
    if (!next) return;
    this.#next = undefined;
    const done = this.#connection
      .call('wait', this.#replicas, this.#timeoutMs)
      .then((reply) => Number(reply));
    const round: Round = { covers: this.#sent, done };
    this.#inFlight = round;
    next.settle(done);
    const after = () => {
      if (this.#inFlight === round) this.#inFlight = undefined;
      this.#flush();
    };
    done.then(after, after);
  }
}
