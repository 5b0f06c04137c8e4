import { runSamples, tsdocSamples } from './samples.js';

runSamples('the @examples of @mallkit/cache run', tsdocSamples('cache'));
