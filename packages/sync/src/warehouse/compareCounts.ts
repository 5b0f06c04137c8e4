import type { InventoryTarget } from './InventoryTarget.js';
import { isRetryableRefusal } from './isRetryableRefusal.js';
import type { SyncReport } from './SyncReport.js';
import type { WarehouseCount } from './WarehouseCount.js';

const code = (error: unknown) => (error as { code?: unknown })?.code;

/**
 * Compares counts with the inventory values read before they were fetched and
 * writes the differing ones with a compare-and-set on those values. Invalid
 * counts and refused writes land in the report's rejections.
 */
export async function compareCounts(
  inventory: InventoryTarget,
  counts: readonly WarehouseCount[],
  current: ReadonlyMap<string, ReadonlyMap<string, number>>,
  report: SyncReport,
): Promise<void> {
  for (const count of counts) {
    const { sku, warehouse, physical } = (count ?? {}) as Partial<WarehouseCount>;
    if (
      typeof sku !== 'string' ||
      typeof warehouse !== 'string' ||
      !Number.isSafeInteger(physical) ||
      (physical as number) < 0
    ) {
      report.rejected.push({
        sku: String(sku),
        warehouse: String(warehouse),
        physical: Number(physical),
        reason: 'invalid count: needs sku, warehouse and a whole number of units >= 0',
        retryable: false,
      });
      continue;
    }
    const units = physical as number;
    const known = current.get(sku);
    if (!known) continue;
    report.checked++;
    const before = known.get(warehouse) ?? 0;
    if (before === units) {
      report.unchanged++;
      continue;
    }
    try {
      await inventory.setPhysical({ sku, warehouse, physical: units, expected: before });
      report.changed.push({ sku, warehouse, from: before, to: units });
    } catch (error) {
      const moved = code(error) === 'CONCURRENCY_CONFLICT';
      report.rejected.push({
        sku,
        warehouse,
        physical: units,
        reason: moved
          ? 'stock moved while syncing; the next sync applies a fresh count'
          : error instanceof Error
            ? error.message
            : String(error),
        retryable: moved || isRetryableRefusal(error),
      });
    }
  }
}
