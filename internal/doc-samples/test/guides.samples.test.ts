import { markdownSamples } from '../src/findSamples.ts';
import { root, runSamples } from './samples.js';

runSamples('the guides’ and READMEs’ samples run', markdownSamples(root));
