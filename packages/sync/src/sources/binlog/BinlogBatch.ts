import type { ChangeEvent } from '../../changes/ChangeEvent.js';
import { rowKey } from '../rowKey.js';
import type { BinlogItem } from './BinlogItem.js';
import { type BinlogPosition, formatBinlogPosition } from './BinlogPosition.js';

type RowsItem = Extract<BinlogItem, { kind: 'rows' }>;

/**
 * The changes read since the last publish, and the last commit boundary they
 * reach: publishing them makes everything before `committed` accepted. Rows of
 * a transaction whose commit has not been read yet carry the transaction's
 * start as position; its commit gives them the commit position.
 * @internal
 */
export class BinlogBatch {
  #changes: ChangeEvent[] = [];
  #open: ChangeEvent[] = [];
  #committed: BinlogPosition | undefined;

  /** Changes waiting. */
  get size(): number {
    return this.#changes.length;
  }

  /** Whether every waiting change's transaction has committed. */
  get complete(): boolean {
    return this.#open.length === 0;
  }

  /** The last commit boundary read. */
  get committed(): BinlogPosition | undefined {
    return this.#committed;
  }

  /** Adds a row event's changes; ids are `<file>:<transaction start>:<row index>`. */
  addRows(item: RowsItem, primaryKey: readonly string[], source: string): void {
    const table = `${item.schema}.${item.table}`;
    const stem = formatBinlogPosition(item.transaction);
    item.rows.forEach((row, i) => {
      const change: ChangeEvent = {
        id: `${stem}:${item.firstIndex + i}`,
        source,
        table,
        op: item.op,
        key: rowKey(primaryKey, row.after ?? row.before, table),
        at: item.at,
        position: stem,
      };
      if (row.before) change.before = row.before;
      if (row.after) change.after = row.after;
      this.#changes.push(change);
      this.#open.push(change);
    });
  }

  /** A transaction (or DDL) ended at `position`. */
  commit(position: BinlogPosition): void {
    const text = formatBinlogPosition(position);
    for (const change of this.#open) change.position = text;
    this.#open = [];
    this.#committed = position;
  }

  /** Takes the waiting changes (for a publish). */
  take(): ChangeEvent[] {
    const changes = this.#changes;
    this.#changes = [];
    this.#open = [];
    return changes;
  }

  /** Forgets everything: reading restarts at `position`. */
  reset(position: BinlogPosition | undefined): void {
    this.#changes = [];
    this.#open = [];
    this.#committed = position;
  }
}
