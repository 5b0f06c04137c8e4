import { ResilienceError } from './ResilienceError.js';

/** A degradation switch turned the feature off and the call site gave no fallback. */
export class DegradedError extends ResilienceError {
  /** The switch that is off. */
  readonly switchName: string;

  /** @param switchName - the switch that is off */
  constructor(switchName: string) {
    super('DEGRADED', `"${switchName}" is switched off`);
    this.switchName = switchName;
  }
}
