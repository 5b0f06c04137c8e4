import type { EventHub } from '@mallkit/resilience';
import type { Pool } from 'mysql2/promise';
import { SyncError } from '../../errors/SyncError.js';
import type { ChangeFilter } from '../../filters/ChangeFilter.js';
import type { ChangeSink } from '../ChangeSink.js';
import type { RetryPolicy } from '../publishWithRetry.js';
import { SnapshotSource } from '../snapshot/SnapshotSource.js';
import {
  type BinlogPosition,
  formatBinlogPosition,
  parseBinlogPosition,
} from './BinlogPosition.js';
import type { BinlogSourceEvents } from './BinlogSourceEvents.js';
import type { BinlogSourceOptions } from './BinlogSourceOptions.js';
import { binaryLogs, binlogEnd } from './checkBinlogSettings.js';

/** What {@link BinlogStart} works with. @internal */
export interface BinlogStartContext {
  name: string;
  options: BinlogSourceOptions;
  pool: Pool;
  filter: ChangeFilter;
  snapshotTables: readonly string[];
  events: EventHub<BinlogSourceEvents>;
  retry: RetryPolicy;
  sink: ChangeSink;
  /** A snapshot is about to run. */
  onSnapshot: () => void;
  /** Saves a checkpoint (after a snapshot). */
  save: (position: BinlogPosition) => Promise<void>;
}

/**
 * Decides where a BinlogSource reads from: the checkpoint, `startAt` (end of the
 * log, a given position, or a snapshot first), and what happens when that
 * position was purged (POSITION_LOST, or a snapshot fallback).
 * @internal
 */
export class BinlogStart {
  readonly #ctx: BinlogStartContext;
  #snapshot: SnapshotSource | undefined;
  #stopped = false;

  constructor(context: BinlogStartContext) {
    this.#ctx = context;
  }

  /** Where to start given the saved checkpoint (or none). */
  async initial(saved: string | undefined): Promise<BinlogPosition> {
    if (saved !== undefined) return this.resume(parse(saved, 'the checkpoint'));
    const startAt = this.#ctx.options.startAt ?? 'end';
    if (startAt === 'end') return binlogEnd(this.#ctx.pool);
    if (startAt === 'snapshot') return this.#runSnapshot('initial');
    return this.resume(parse(startAt, 'startAt'));
  }

  /** `position` if the server still has it, else the position-lost policy's answer. */
  async resume(position: BinlogPosition | undefined): Promise<BinlogPosition> {
    if (!position) return this.initial(undefined);
    let files: string[];
    try {
      files = await binaryLogs(this.#ctx.pool);
    } catch (error) {
      throw new SyncError('SOURCE_UNAVAILABLE', `binlog source: SHOW BINARY LOGS failed`, {
        cause: error,
      });
    }
    if (files.includes(position.file)) return position;
    const action = this.#ctx.options.onPositionLost ?? 'fail';
    const text = formatBinlogPosition(position);
    this.#ctx.events.emit('positionLost', {
      source: this.#ctx.name,
      position: text,
      oldestFile: files[0],
      action,
    });
    if (action === 'snapshot') return this.#runSnapshot('positionLost');
    throw new SyncError(
      'POSITION_LOST',
      `binlog source ${this.#ctx.name}: position ${text} was purged from the server (oldest binlog: ${files[0] ?? 'none'}); ` +
        "set onPositionLost: 'snapshot' to restart from a snapshot, or reset the checkpoint",
    );
  }

  /** Stops a snapshot in progress (its run rejects with STOPPED). */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#snapshot?.stop();
  }

  async #runSnapshot(reason: 'initial' | 'positionLost'): Promise<BinlogPosition> {
    const { name, pool, filter, snapshotTables: tables, events, retry, sink, options } = this.#ctx;
    if (this.#stopped) throw new SyncError('STOPPED', `binlog source ${name} was stopped`);
    this.#ctx.onSnapshot();
    events.emit('snapshotStarted', { source: name, reason, tables });
    const snapshot = new SnapshotSource({
      pool,
      tables,
      name,
      ...(options.snapshotChunkSize !== undefined && { chunkSize: options.snapshotChunkSize }),
      ...retry,
    });
    snapshot.events.on('publishFailed', ({ error, attempt, retryInMs }) =>
      events.emit('publishFailed', { source: name, error, attempt, retryInMs }),
    );
    this.#snapshot = snapshot;
    let result: Awaited<ReturnType<SnapshotSource['run']>>;
    try {
      result = await snapshot.run({
        publish: async (changes) => {
          const kept = filter.applyAll(changes);
          if (kept.length > 0) await sink.publish(kept);
        },
      });
    } finally {
      this.#snapshot = undefined;
    }
    const position = parse(result.position, 'the snapshot position');
    await this.#ctx.save(position);
    events.emit('snapshotFinished', { source: name, position: result.position, rows: result.rows });
    return position;
  }
}

function parse(text: string, what: string): BinlogPosition {
  const position = parseBinlogPosition(text);
  if (!position) {
    throw new SyncError(
      'INVALID_OPTION',
      `${what} is not a binlog position 'file:offset': ${text}`,
    );
  }
  return position;
}
