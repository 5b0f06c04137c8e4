export { isResilienceError, ResilienceError } from './errors/ResilienceError.js';
