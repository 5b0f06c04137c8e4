import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { shutdownStep } from '../src/app/shutdownStep.ts';

const recorder = () => {
  const warnings: Array<{ step: unknown; message: string }> = [];
  const log = {
    warn: (fields: { step: unknown }, message: string) =>
      warnings.push({ step: fields.step, message }),
  } as unknown as FastifyBaseLogger;
  return { log, warnings };
};

describe('shutdownStep', () => {
  it('waits for a step that finishes', async () => {
    const { log, warnings } = recorder();
    let done = false;
    await shutdownStep(log, 'quick', async () => {
      await Promise.resolve();
      done = true;
    });
    expect(done).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('leaves a stuck step behind at its deadline and names it', async () => {
    const { log, warnings } = recorder();
    await shutdownStep(log, 'stuck', () => new Promise(() => undefined), 20);
    expect(warnings).toEqual([{ step: 'stuck', message: 'shutdown step did not finish in time' }]);
  });

  it('logs a failing step and goes on, whether it throws or rejects', async () => {
    const { log, warnings } = recorder();
    await shutdownStep(log, 'throws', () => {
      throw new Error('boom');
    });
    await shutdownStep(log, 'rejects', () => Promise.reject(new Error('boom')));
    expect(warnings.map((w) => w.step)).toEqual(['throws', 'rejects']);
  });
});
