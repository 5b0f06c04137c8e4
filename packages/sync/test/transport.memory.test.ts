import { memoryBackend } from './fixtures/transportBackends.js';
import { transportSuite } from './fixtures/transportSuite.js';

transportSuite(memoryBackend);
