import { Passthrough } from '../transactions/Passthrough.js';

/**
 * Thrown inside an order's transaction to roll it back and run the order
 * again: a version check lost (optimistic lock) or a fence was overtaken.
 * Never leaves the service.
 */
export class RetrySignal extends Passthrough {
  constructor(readonly reason: 'version' | 'fence') {
    super(`stock row changed underneath (${reason}); the order is run again`);
  }
}
