import { ResilienceError } from './ResilienceError.js';

/** A degradation switch is on (the feature is degraded) and the call site gave no fallback. */
export class DegradedError extends ResilienceError {
  /** The switch that is on. */
  readonly switchName: string;

  /** @param switchName - the switch that is on */
  constructor(switchName: string) {
    super('DEGRADED', `degraded by switch "${switchName}" and no fallback was given`);
    this.switchName = switchName;
  }
}
