import { tsdocSamples } from '../src/findSamples.ts';
import { root, runSamples } from './samples.js';

runSamples('the @examples of @mallkit/stock run', tsdocSamples(root, 'stock'));
