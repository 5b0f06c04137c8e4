/**
 * How an admitted request ended, reported when its permit is released:
 * - `success`: counts as a success in the error rate; its latency is a sample for an
 *   adaptive limit;
 * - `failure`: counts as a failure in the error rate; its latency is not sampled (a
 *   failure is often fast and would make the service look quicker than it is);
 * - `dropped`: timed out, or refused by an overloaded dependency: a failure in the error
 *   rate and a "dropped" sample for an adaptive limit, which then backs off;
 * - `ignored`: counts nowhere (the client went away, the input was invalid).
 */
export type RequestOutcome = 'success' | 'failure' | 'dropped' | 'ignored';
