import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/ManualClock.js';
import { isResilienceError } from '../errors/ResilienceError.js';
import { GradientLimit } from './GradientLimit.js';
import { LoadShedder } from './LoadShedder.js';
import { type Priority, priorities } from './Priority.js';

/**
 * Work that finishes when the test's clock says so: each job resolves (or fails) once
 * `advance()` moves the manual clock past its due time. No timers, no sleeps.
 */
class Scheduler {
  readonly clock = new ManualClock();
  #jobs: Array<{ due: number; settle: () => void }> = [];

  /** A promise settled `ms` from now. */
  after<T>(ms: number, value: T, fail = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#jobs.push({
        due: this.clock.now() + ms,
        settle: () => (fail ? reject(new Error('backend failed')) : resolve(value)),
      });
    });
  }

  get pending(): number {
    return this.#jobs.length;
  }

  /** Moves time on by `ms`, settles the jobs due, and lets their continuations run. */
  async advance(ms: number): Promise<void> {
    this.clock.advance(ms);
    const now = this.clock.now();
    const due = this.#jobs.filter((job) => job.due <= now);
    this.#jobs = this.#jobs.filter((job) => job.due > now);
    for (const job of due) job.settle();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

interface Tally {
  submitted: number;
  succeeded: number;
  shed: number;
  failed: number;
}

function tallies(): Record<Priority, Tally> {
  return Object.fromEntries(
    priorities.map((p) => [p, { submitted: 0, succeeded: 0, shed: 0, failed: 0 }]),
  ) as Record<Priority, Tally>;
}

function track(tally: Tally, call: Promise<unknown>): Promise<void> {
  tally.submitted++;
  return call.then(
    () => {
      tally.succeeded++;
    },
    (error: unknown) => {
      if (isResilienceError(error) && error.code === 'LOAD_SHED') tally.shed++;
      else tally.failed++;
    },
  );
}

describe('LoadShedder overload', () => {
  it('keeps core at 100 % while far more work than the limit arrives', async () => {
    const scheduler = new Scheduler();
    const shedder = new LoadShedder({ limit: 40, clock: scheduler.clock });
    const tally = tallies();
    const calls: Promise<void>[] = [];
    let running = 0;
    let maxRunning = 0;
    const work = (ms: number) => async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      try {
        return await scheduler.after(ms, 'done');
      } finally {
        running--;
      }
    };

    // 300 ticks of 10 ms; per tick 1-2 core, 12 normal, 15 background requests of
    // 30-60 ms: about 10x what 40 slots can serve.
    for (let tick = 0; tick < 300; tick++) {
      const core = tick % 2 === 0 ? 2 : 1;
      for (let i = 0; i < 15; i++) {
        calls.push(track(tally.background, shedder.run('background', work(60))));
      }
      for (let i = 0; i < 12; i++) {
        calls.push(track(tally.normal, shedder.run('normal', work(50))));
      }
      for (let i = 0; i < core; i++) calls.push(track(tally.core, shedder.run('core', work(30))));
      await scheduler.advance(10);
    }
    while (scheduler.pending > 0) await scheduler.advance(10);
    await Promise.all(calls);

    expect(tally.core.submitted).toBe(450);
    expect(tally.core.succeeded).toBe(tally.core.submitted);
    expect(tally.background.shed / tally.background.submitted).toBeGreaterThan(0.9);
    expect(tally.normal.succeeded).toBeGreaterThan(tally.background.succeeded);
    expect(maxRunning).toBeLessThanOrEqual(40);
    expect(shedder.inflight).toBe(0);

    const stats = shedder.stats();
    for (const p of priorities) {
      const shed = Object.values(stats.shed[p]).reduce((a, b) => a + b, 0);
      expect(stats.admitted[p] + shed).toBe(tally[p].submitted);
      expect(shed).toBe(tally[p].shed);
    }
  });

  it('keeps core served while a failing backend trips the error rate, then recovers', async () => {
    const scheduler = new Scheduler();
    const shedder = new LoadShedder({
      limit: 50,
      errorRateWindowMs: 1000,
      clock: scheduler.clock,
    });
    const tally = tallies();
    const recovered = tallies();
    const calls: Promise<void>[] = [];
    for (let tick = 0; tick < 400; tick++) {
      const failing = tick >= 50 && tick < 200; // 1.5 s of a failing dependency
      const late = tick >= 350; // 1.5 s after it healed
      for (let i = 0; i < 4; i++) {
        for (const p of ['background', 'normal'] as const) {
          const call = shedder.run(p, () => scheduler.after(20, 'ok', failing));
          calls.push(track(tally[p], call));
          if (late) calls.push(track(recovered[p], call));
        }
      }
      calls.push(
        track(
          tally.core,
          shedder.run('core', () => scheduler.after(20, 'ok')),
        ),
      );
      await scheduler.advance(10);
    }
    while (scheduler.pending > 0) await scheduler.advance(10);
    await Promise.all(calls);

    expect(tally.core.succeeded).toBe(400);
    const stats = shedder.stats();
    expect(stats.shed.background.errorRate).toBeGreaterThan(100);
    expect(stats.shed.normal.errorRate).toBeGreaterThan(100);
    expect(stats.shed.core.errorRate).toBe(0);
    expect(recovered.background.succeeded).toBe(recovered.background.submitted);
    expect(recovered.normal.succeeded).toBe(recovered.normal.submitted);
  });

  it('with a gradient limit, shrinks the limit as latency grows and keeps core served', async () => {
    const scheduler = new Scheduler();
    const limit = new GradientLimit({
      initialLimit: 200,
      minLimit: 20,
      maxLimit: 400,
      windowMs: 100,
      clock: scheduler.clock,
    });
    const moves: number[] = [];
    limit.events.on('shedder.limit', (e) => moves.push(e.limit));
    const shedder = new LoadShedder({ limit, clock: scheduler.clock });
    const tally = tallies();
    const calls: Promise<void>[] = [];
    // A backend that serves 30 requests at once in 20 ms and queues the rest.
    const backend = () => {
      const queued = Math.max(0, shedder.inflight - 30);
      return scheduler.after(20 + Math.ceil(queued / 30) * 20, 'ok');
    };
    // 3 s of light traffic teach the limit the backend's latency, then 7 s of overload.
    for (let tick = 0; tick < 1000; tick++) {
      const load = tick < 300 ? 1 : 10;
      for (let i = 0; i < load; i++) {
        calls.push(track(tally.background, shedder.run('background', backend)));
        calls.push(track(tally.normal, shedder.run('normal', backend)));
      }
      calls.push(track(tally.core, shedder.run('core', backend)));
      await scheduler.advance(10);
    }
    while (scheduler.pending > 0) await scheduler.advance(10);
    await Promise.all(calls);

    expect(moves.length).toBeGreaterThan(0);
    expect(limit.limit).toBeLessThan(100);
    expect(limit.limit).toBeGreaterThanOrEqual(20);
    expect(tally.core.succeeded).toBe(tally.core.submitted);
    expect(tally.background.shed).toBeGreaterThan(tally.normal.shed);
  });
});
