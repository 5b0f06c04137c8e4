/** How {@link interleavedSamples} samples. */
export interface SamplingPlan {
  /** Sequential awaited calls per sample; a sample is their mean, in ns. */
  batch: number;
  /** Samples kept per subject. */
  rounds: number;
  /** Rounds run first and thrown away. */
  warmup: number;
}

/**
 * Mean ns per call of each subject, `rounds` samples each, taking one sample of every
 * subject in turn so that drift in machine load hits all subjects alike.
 */
export async function interleavedSamples(
  subjects: Record<string, () => Promise<unknown>>,
  plan: SamplingPlan,
): Promise<Record<string, number[]>> {
  const samples: Record<string, number[]> = {};
  for (const name of Object.keys(subjects)) samples[name] = [];
  for (let round = 0; round < plan.rounds + plan.warmup; round++) {
    for (const [name, call] of Object.entries(subjects)) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < plan.batch; i++) await call();
      const ns = Number(process.hrtime.bigint() - start) / plan.batch;
      if (round >= plan.warmup) samples[name]?.push(ns);
    }
  }
  return samples;
}
