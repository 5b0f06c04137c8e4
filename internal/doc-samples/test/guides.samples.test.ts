import { markdownSamples, runSamples } from './samples.js';

runSamples('the guides’ and READMEs’ samples run', markdownSamples());
