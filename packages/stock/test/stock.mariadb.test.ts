import { mariadb } from './fixtures/backends.js';
import { stockSuite } from './suite/stockSuite.js';

stockSuite(mariadb, ['conditional', 'optimistic', 'lock', 'combining']);
