import { tsdocSamples } from '../src/findSamples.ts';
import { root, runSamples } from './samples.js';

runSamples('the @examples of @mallkit/resilience run', tsdocSamples(root, 'resilience'));
