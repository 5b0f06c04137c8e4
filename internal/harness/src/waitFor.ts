import { setTimeout as delay } from 'node:timers/promises';

/**
 * Polls `check` until it returns true, for states no event announces (a cluster's
 * failover, a replica's sync). Fails with `what` in the message after `timeoutMs`.
 */
export async function waitFor(
  what: string,
  timeoutMs: number,
  check: () => Promise<boolean> | boolean,
  intervalMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
    }
    await delay(intervalMs);
  }
  throw new Error(`harness: timed out after ${timeoutMs} ms waiting for ${what}`, {
    cause: lastError,
  });
}
