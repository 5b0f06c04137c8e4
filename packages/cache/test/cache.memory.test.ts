import { MemoryBus, MemoryL2 } from '../src/index.js';
import { cacheSuite } from './suite/cacheSuite.js';

let n = 0;
cacheSuite('the in-process adapters (embedded mode)', () => ({
  l2: () => new MemoryL2(),
  bus: () => new MemoryBus(),
  namespace: () => `mem${++n}`,
}));
