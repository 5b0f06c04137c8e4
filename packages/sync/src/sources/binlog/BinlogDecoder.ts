import type { AnyBinlogEvent, BinlogEventByTypeName, BinlogEventTypeName } from '@vlasky/zongji';
import type { BinlogItem, BinlogRowImages } from './BinlogItem.js';

interface TableInfo {
  schema: string;
  table: string;
  primaryKey: readonly string[] | undefined;
}

const DML = /^\s*(INSERT|UPDATE|DELETE|REPLACE|LOAD\s+DATA)\b/i;
const COMMIT = /^\s*(COMMIT|ROLLBACK|XA\s+COMMIT|XA\s+ROLLBACK)\b/i;

function is<N extends BinlogEventTypeName>(
  event: AnyBinlogEvent,
  name: N,
): event is BinlogEventByTypeName<N> {
  return event.getTypeName() === name;
}

/**
 * Turns zongji's events into {@link BinlogItem}s: tracks the current file (Rotate),
 * transaction boundaries (MariaDB GTID groups, MySQL GTID + BEGIN, Xid, COMMIT,
 * standalone DDL), where each transaction starts (for change ids that are the
 * same whenever the transaction is read again) and the row index within it.
 * @internal
 */
export class BinlogDecoder {
  #file: string;
  #lastEnd: number;
  #inTransaction = false;
  #groupStarted = false;
  #transactionStart: number;
  #rowIndex = 0;
  readonly #tables = new Map<number, TableInfo>();

  constructor(file: string, offset: number) {
    this.#file = file;
    this.#lastEnd = offset;
    this.#transactionStart = offset;
  }

  /** The items `event` yields, in order. */
  decode(event: AnyBinlogEvent): BinlogItem[] {
    const items: BinlogItem[] = [];
    const at = event.timestamp;
    if (is(event, 'Rotate')) {
      const real = event.nextPosition > 0 && event.binlogName !== this.#file;
      this.#file = event.binlogName;
      this.#lastEnd = event.position;
      if (real && !this.#inTransaction) {
        items.push({ kind: 'commit', position: this.#here(), at });
      }
      return items;
    }
    if (is(event, 'MariadbGtid')) {
      this.#beginGroup();
      this.#inTransaction = !event.standalone;
    } else if (is(event, 'Gtid') || is(event, 'AnonymousGtid')) {
      this.#beginGroup();
    } else if (is(event, 'Query')) {
      this.#advance(event);
      const query = event.query;
      if (/^\s*BEGIN\b/i.test(query)) {
        if (!this.#groupStarted) this.#beginGroup();
        this.#inTransaction = true;
      } else if (COMMIT.test(query)) {
        items.push({ kind: 'commit', position: this.#here(), at });
        this.#endGroup();
      } else if (this.#inTransaction) {
        if (DML.test(query)) items.push({ kind: 'statement', schema: event.schema, query, at });
      } else {
        items.push({ kind: 'ddl', schema: event.schema, query, position: this.#here(), at });
        this.#endGroup();
      }
      return items;
    } else if (is(event, 'Xid') || is(event, 'XaPrepare')) {
      this.#advance(event);
      items.push({ kind: 'commit', position: this.#here(), at });
      this.#endGroup();
      return items;
    } else if (is(event, 'TableMap')) {
      const names = event.columnNames;
      this.#tables.set(event.tableId, {
        schema: event.schemaName,
        table: event.tableName,
        primaryKey:
          names && event.primaryKey && event.primaryKey.length > 0
            ? event.primaryKey.map((index) => names[index] ?? String(index))
            : undefined,
      });
    } else if (is(event, 'WriteRows') || is(event, 'DeleteRows')) {
      const insert = is(event, 'WriteRows');
      this.#rows(
        items,
        event,
        insert ? 'insert' : 'delete',
        event.rows.map((row) => (insert ? { after: row } : { before: row })),
      );
    } else if (is(event, 'UpdateRows')) {
      this.#rows(
        items,
        event,
        'update',
        event.rows.map((row) => ({ before: row.before, after: row.after })),
      );
    }
    this.#advance(event);
    return items;
  }

  #rows(
    items: BinlogItem[],
    event: BinlogEventByTypeName<'WriteRows' | 'DeleteRows' | 'UpdateRows'>,
    op: 'insert' | 'update' | 'delete',
    rows: BinlogRowImages[],
  ): void {
    const known = this.#tables.get(event.tableId);
    const mapped = event.tableMap[event.tableId];
    const schema = known?.schema ?? mapped?.parentSchema;
    const table = known?.table ?? mapped?.tableName;
    if (schema === undefined || table === undefined || rows.length === 0) return;
    items.push({
      kind: 'rows',
      op,
      schema,
      table,
      primaryKey: known?.primaryKey,
      rows,
      at: event.timestamp,
      transaction: { file: this.#file, offset: this.#transactionStart },
      firstIndex: this.#rowIndex,
    });
    this.#rowIndex += rows.length;
  }

  #beginGroup(): void {
    this.#transactionStart = this.#lastEnd;
    this.#rowIndex = 0;
    this.#groupStarted = true;
    this.#inTransaction = false;
  }

  #endGroup(): void {
    this.#inTransaction = false;
    this.#groupStarted = false;
    this.#transactionStart = this.#lastEnd;
    this.#rowIndex = 0;
  }

  #advance(event: AnyBinlogEvent): void {
    if (event.nextPosition > 0) this.#lastEnd = event.nextPosition;
  }

  #here(): { file: string; offset: number } {
    return { file: this.#file, offset: this.#lastEnd };
  }
}
