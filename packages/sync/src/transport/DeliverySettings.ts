import { integerOption } from './integerOption.js';
import type { SubscribeOptions } from './SubscribeOptions.js';

/** The delivery settings a transport and its subscriptions share, resolved. @internal */
export interface DeliverySettings {
  batchSize: number;
  maxDeliveries: number;
  retryDelayMs: number;
  maxRetryDelayMs: number;
}

/**
 * Resolves delivery settings: `options` first, then `fallback`, checked.
 * @internal
 */
export function deliverySettings(
  component: string,
  options: SubscribeOptions,
  fallback: DeliverySettings,
): DeliverySettings {
  return {
    batchSize: integerOption(component, 'batchSize', options.batchSize, fallback.batchSize, 1),
    maxDeliveries: integerOption(
      component,
      'maxDeliveries',
      options.maxDeliveries,
      fallback.maxDeliveries,
      1,
    ),
    retryDelayMs: integerOption(
      component,
      'retryDelayMs',
      options.retryDelayMs,
      fallback.retryDelayMs,
      0,
    ),
    maxRetryDelayMs: integerOption(
      component,
      'maxRetryDelayMs',
      options.maxRetryDelayMs,
      fallback.maxRetryDelayMs,
      0,
    ),
  };
}
