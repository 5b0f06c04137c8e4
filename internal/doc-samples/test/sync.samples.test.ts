import { runSamples, tsdocSamples } from './samples.js';

runSamples('the @examples of @mallkit/sync run', tsdocSamples('sync'));
