import { sqlite } from './fixtures/backends.js';
import { stockSuite } from './suite/stockSuite.js';

stockSuite(sqlite, ['conditional', 'optimistic', 'lock', 'combining']);
