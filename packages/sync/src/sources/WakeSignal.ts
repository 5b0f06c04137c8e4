/**
 * Lets a loop sleep until there is work (`wake`) or a timeout, without keeping
 * the process alive.
 * @internal
 */
export class WakeSignal {
  #wake: (() => void) | undefined;

  /** Resolves after `ms` or at the next {@link WakeSignal.wake}, whichever comes first. */
  async wait(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(done, Math.max(1, ms));
      timer.unref();
      this.#wake = done;
    });
    this.#wake = undefined;
  }

  /** Ends the current wait, if any. */
  wake(): void {
    this.#wake?.();
  }
}
