import type { FastifyBaseLogger } from 'fastify';

/**
 * Runs one step of a shutdown with a deadline: a stuck step is logged by name and left
 * behind, so the next ones (and the process's exit) still happen. A failed step is
 * logged too; shutdown goes on.
 */
export async function shutdownStep(
  log: FastifyBaseLogger,
  name: string,
  step: () => unknown,
  deadlineMs = 10_000,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), deadlineMs);
    timer.unref();
  });
  try {
    const outcome = await Promise.race([Promise.resolve().then(step), late]);
    if (outcome === 'late')
      log.warn({ step: name, deadlineMs }, 'shutdown step did not finish in time');
  } catch (error) {
    log.warn({ step: name, err: error }, 'shutdown step failed');
  } finally {
    clearTimeout(timer);
  }
}
