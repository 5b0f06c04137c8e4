import { runSamples, tsdocSamples } from './samples.js';

runSamples('the @examples of @mallkit/stock run', tsdocSamples('stock'));
