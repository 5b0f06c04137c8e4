import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from '@mallkit/internal-harness';
import {
  BinlogSource,
  compareBinlogPositions,
  MysqlCheckpointStore,
  parseBinlogPosition,
} from '@mallkit/sync/mysql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type CdcDatabase, RecordingSink, startCdcDatabase } from './fixtures/mariadbCdc.js';

let db: CdcDatabase;
beforeAll(async () => {
  db = await startCdcDatabase('binlog-kill');
});
afterAll(async () => {
  await db?.close();
});

const position = (text: string) => {
  const parsed = parseBinlogPosition(text);
  if (!parsed) throw new Error(`not a position: ${text}`);
  return parsed;
};

it('a relay killed with SIGKILL mid-stream: a new one resumes from the checkpoint, nothing lost, repeats only past it', async () => {
  await db.sql('CREATE TABLE events (id INT PRIMARY KEY, v INT)');
  const [status] = await db.sql('SHOW MASTER STATUS');
  const startAt = `${status?.['File']}:${status?.['Position']}`;
  const file = join(mkdtempSync(join(tmpdir(), 'binlog-kill-')), 'accepted.jsonl');
  const read = () =>
    existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { id: string; key: string; position: string })
      : [];
  const child: ChildProcess = fork(
    fileURLToPath(new URL('./fixtures/binlogKillChild.ts', import.meta.url)),
    [JSON.stringify(db.connection), startAt, file],
    {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const exited = once(child, 'exit');
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
  });
  const writes = (async () => {
    for (let i = 1; i <= 300; i++) await db.sql('INSERT INTO events VALUES (?, ?)', [i, i]);
  })();
  await waitFor('the relay to accept 100 changes', 30_000, () => read().length >= 100);
  child.kill('SIGKILL');
  await exited;
  await writes;
  const before = read();
  expect(before.length, 'killed mid-stream').toBeLessThan(300);
  const checkpoints = new MysqlCheckpointStore({ pool: db.pool, table: 'cdc_checkpoints' });
  const checkpoint = (await checkpoints.load('kill-cdc')) ?? '';
  expect(checkpoint).not.toBe('');

  const resumed = new RecordingSink();
  const source = new BinlogSource({
    name: 'kill-cdc',
    connection: db.connection,
    pool: db.pool,
    checkpoints,
    filter: { tables: ['shop.events'] },
  });
  await source.start(resumed);
  try {
    await waitFor('every row to be seen', 30_000, () => {
      const keys = new Set([...before.map((c) => c.key), ...resumed.changes.map((c) => c.key)]);
      return keys.size === 300;
    });
  } finally {
    await source.stop();
  }
  // Nothing lost: every inserted row arrived in one run or the other.
  const keys = new Set([...before.map((c) => c.key), ...resumed.changes.map((c) => c.key)]);
  expect(keys.size).toBe(300);
  // Repeats only beyond the checkpoint: the new relay starts after it, and what it
  // re-emits carries the same ids as the first time.
  for (const change of resumed.changes) {
    expect(compareBinlogPositions(position(change.position), position(checkpoint))).toBeGreaterThan(
      0,
    );
  }
  const firstIds = new Map(before.map((c) => [c.key, c.id]));
  for (const change of resumed.changes) {
    const earlier = firstIds.get(change.key);
    if (earlier !== undefined) expect(change.id).toBe(earlier);
  }
  // The first relay's accepted changes up to the checkpoint are not re-emitted.
  const accepted = before.filter(
    (c) => compareBinlogPositions(position(c.position), position(checkpoint)) <= 0,
  );
  const again = new Set(resumed.changes.map((c) => c.id));
  expect(accepted.filter((c) => again.has(c.id))).toEqual([]);
  expect(accepted.length).toBeGreaterThan(0);
});
