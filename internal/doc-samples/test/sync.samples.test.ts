import { tsdocSamples } from '../src/findSamples.ts';
import { root, runSamples } from './samples.js';

runSamples('the @examples of @mallkit/sync run', tsdocSamples(root, 'sync'));
