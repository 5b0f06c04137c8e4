export { CacheError, isCacheError } from './errors/CacheError.js';
