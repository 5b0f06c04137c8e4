export { isSyncError, SyncError } from './errors/SyncError.js';
