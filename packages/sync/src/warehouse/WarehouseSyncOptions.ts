import type { CheckpointStore } from '../checkpoints/CheckpointStore.js';
import type { InventoryTarget } from './InventoryTarget.js';
import type { WarehouseSystem } from './WarehouseSystem.js';

/** Options of {@link WarehouseSync}. */
export interface WarehouseSyncOptions {
  /** The warehouse system's adapter. */
  system: WarehouseSystem;
  /** The inventory the counts go to (`StockService` fits). */
  inventory: InventoryTarget;
  /**
   * Keeps the change cursor of `syncChanges` across restarts.
   * @default a MemoryCheckpointStore
   */
  checkpoints?: CheckpointStore;
  /**
   * Name of the cursor in the checkpoint store.
   * @default 'warehouse'
   */
  name?: string;
  /**
   * Wall clock in epoch ms, for report times.
   * @default Date.now
   */
  now?: () => number;
}
