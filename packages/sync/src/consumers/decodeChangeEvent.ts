import type { ChangeEvent, ChangeOperation } from '../changes/ChangeEvent.js';
import { SyncError } from '../errors/SyncError.js';

const OPERATIONS = new Set<ChangeOperation>(['insert', 'update', 'delete', 'snapshot', 'event']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Decodes a message body into a {@link ChangeEvent}: JSON, with every required field of
 * the right type (`id`, `source`, `table`, `key`, `position` non-empty strings where
 * they identify the change, `op` one of the operations, `at` a finite number, `before`
 * and `after` objects when present).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { decodeChangeEvent, isSyncError } from '@mallkit/sync';
 *
 * const body = JSON.stringify({
 *   id: 'binlog:1', source: 'binlog', table: 'shop.orders', op: 'insert', key: '7',
 *   after: { id: 7, total: 40 }, at: 1714557600000, position: 'binlog:2',
 * });
 * const change = decodeChangeEvent(body);
 * assert.equal(change.op, 'insert');
 * assert.deepEqual(change.after, { id: 7, total: 40 });
 *
 * assert.throws(() => decodeChangeEvent('{"id":"x","op":"upsert"}'), {
 *   code: 'INVALID_MESSAGE',
 *   message: /op must be one of/,
 * });
 * assert.throws(() => decodeChangeEvent('not json'), (error) => isSyncError(error));
 * ```
 * @throws `SyncError` `INVALID_MESSAGE` saying what is wrong
 *
 * @group Consumers
 */
export function decodeChangeEvent(body: string): ChangeEvent {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new SyncError('INVALID_MESSAGE', `not JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (!isRecord(value)) throw new SyncError('INVALID_MESSAGE', 'not a JSON object');
  const problems: string[] = [];
  for (const name of ['id', 'source', 'table', 'key'] as const) {
    if (typeof value[name] !== 'string' || value[name] === '') {
      problems.push(`${name} must be a non-empty string`);
    }
  }
  if (typeof value['position'] !== 'string') problems.push('position must be a string');
  if (!OPERATIONS.has(value['op'] as ChangeOperation)) {
    problems.push(`op must be one of ${[...OPERATIONS].join(', ')}`);
  }
  if (typeof value['at'] !== 'number' || !Number.isFinite(value['at'])) {
    problems.push('at must be a finite number');
  }
  for (const name of ['before', 'after'] as const) {
    if (value[name] !== undefined && !isRecord(value[name])) {
      problems.push(`${name} must be an object when present`);
    }
  }
  if (problems.length > 0) {
    throw new SyncError('INVALID_MESSAGE', `not a change event: ${problems.join('; ')}`);
  }
  return value as unknown as ChangeEvent;
}
