export { NodeSqliteDatabase } from './NodeSqliteDatabase.js';
export { type OpenSqliteStockOptions, openSqliteStock } from './openSqliteStock.js';
