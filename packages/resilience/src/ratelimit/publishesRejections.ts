const brand = Symbol.for('@mallkit/resilience/limiter-publishes-rejections');

/**
 * Marks `limiter` as one that publishes its own refusals on `channels.rejected` (every
 * limiter of this package does, through {@link publishDecision}), so that a
 * {@link DependencyPolicy} does not publish them there a second time.
 */
export function markPublishesRejections(limiter: object): void {
  Object.defineProperty(limiter, brand, { value: true });
}

/**
 * Whether `limiter` publishes its own refusals on `channels.rejected`; like
 * {@link isResilienceError}, this holds across two installed copies of the package.
 */
export function publishesRejections(limiter: object): boolean {
  return brand in limiter;
}
