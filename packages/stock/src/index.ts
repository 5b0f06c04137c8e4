export { isStockError, StockError } from './errors/StockError.js';
