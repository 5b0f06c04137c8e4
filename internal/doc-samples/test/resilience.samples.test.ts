import { runSamples, tsdocSamples } from './samples.js';

runSamples('the @examples of @mallkit/resilience run', tsdocSamples('resilience'));
