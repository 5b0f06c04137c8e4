import type { DeadLetter } from '../transport/DeadLetter.js';
import type { LogEntry, PartitionLog } from '../transport/PartitionLog.js';
import type { RedisStreamClient } from './RedisStreamClient.js';
import { type RawStreamEntry, streamEntries, streamIdTime } from './streamEntries.js';
import { trimScript } from './trimScript.js';

/** Where a {@link RedisPartitionLog} reads and writes. @internal */
export interface RedisPartitionLogOptions {
  client: RedisStreamClient;
  stream: string;
  dead: string;
  group: string;
  consumer: string;
  claimIdleMs: number;
  blockMs: number;
  deadLetterMaxLength: number;
}

const CLAIM_COUNT = 100;
const CLAIM_ROUNDS = 50;

/**
 * A {@link PartitionLog} over one Redis stream for one member of a consumer group:
 * `XREADGROUP … >` on a connection of its own (a blocking read holds its connection),
 * `XREADGROUP … 0` for this member's pending entries, `XAUTOCLAIM` for entries other
 * members left, `XACK`, and `XADD` to the dead-letter stream.
 * @internal
 */
export class RedisPartitionLog implements PartitionLog {
  readonly #o: RedisPartitionLogOptions;
  #blocking: RedisStreamClient | undefined;
  #closed = false;

  /** @param options - the stream, the group and this member */
  constructor(options: RedisPartitionLogOptions) {
    this.#o = options;
  }

  async prepare(): Promise<void> {
    const { client, stream, group } = this.#o;
    try {
      await client.call('xgroup', 'CREATE', stream, group, '0', 'MKSTREAM');
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith('BUSYGROUP'))) throw error;
    }
  }

  async recover(): Promise<{ claimed: number; done: boolean }> {
    const { client, stream, group, consumer, claimIdleMs } = this.#o;
    if ((await this.#foreignPending()) === 0) return { claimed: 0, done: true };
    let claimed = 0;
    let cursor = '0-0';
    for (let round = 0; round < CLAIM_ROUNDS; round++) {
      const reply = (await client.call(
        'xautoclaim',
        stream,
        group,
        consumer,
        claimIdleMs,
        cursor,
        'COUNT',
        CLAIM_COUNT,
        'JUSTID',
      )) as [string, unknown[]];
      claimed += Array.isArray(reply[1]) ? reply[1].length : 0;
      cursor = String(reply[0]);
      if (cursor === '0-0') break;
    }
    return { claimed, done: (await this.#foreignPending()) === 0 };
  }

  async nextPending(): Promise<LogEntry | undefined> {
    const { client, stream, group, consumer } = this.#o;
    const reply = await client.call(
      'xreadgroup',
      'GROUP',
      group,
      consumer,
      'COUNT',
      1,
      'STREAMS',
      stream,
      '0',
    );
    const [raw] = streamEntries(reply, true);
    if (!raw) return undefined;
    const info = (await client.call('xpending', stream, group, raw.id, raw.id, 1)) as unknown[];
    const row = info[0];
    const deliveries = Array.isArray(row) ? Number(row[3]) : 1;
    return this.#toLog(raw, deliveries);
  }

  async readNew(count: number): Promise<LogEntry[]> {
    if (this.#closed) return [];
    const { client, stream, group, consumer, blockMs } = this.#o;
    if (!this.#blocking) {
      this.#blocking = client.duplicate();
      // A connection made here: its failures surface as failed commands; without a listener,
      // ioredis would print them itself.
      (this.#blocking as { on?: (event: 'error', listener: () => void) => unknown }).on?.(
        'error',
        () => undefined,
      );
      this.#blocking.on?.('error', () => {}); // reported by the failing reads
    }
    const reply = await this.#blocking.call(
      'xreadgroup',
      'GROUP',
      group,
      consumer,
      'COUNT',
      count,
      'BLOCK',
      blockMs,
      'STREAMS',
      stream,
      '>',
    );
    return streamEntries(reply, true).map((raw) => this.#toLog(raw, 1));
  }

  async ack(entryIds: readonly string[]): Promise<void> {
    if (entryIds.length === 0) return;
    await this.#o.client.call('xack', this.#o.stream, this.#o.group, ...entryIds);
  }

  async deadLetter(letter: DeadLetter): Promise<void> {
    const { client, dead, deadLetterMaxLength } = this.#o;
    await client.call(
      'xadd',
      dead,
      'MAXLEN',
      '~',
      deadLetterMaxLength,
      '*',
      ...Object.entries(letter).flatMap(([name, value]) => [name, String(value)]),
    );
    await this.ack([letter.entryId]);
  }

  async trim(): Promise<number> {
    return Number(await trimScript.run(this.#o.client, [this.#o.stream], []));
  }

  close(): void {
    this.#closed = true;
    this.#blocking?.disconnect();
  }

  async #foreignPending(): Promise<number> {
    const { client, stream, group, consumer } = this.#o;
    const summary = (await client.call('xpending', stream, group)) as unknown[];
    const consumers = summary[3];
    if (!Array.isArray(consumers)) return 0;
    let foreign = 0;
    for (const row of consumers) {
      if (Array.isArray(row) && String(row[0]) !== consumer) foreign += Number(row[1]);
    }
    return foreign;
  }

  #toLog(raw: RawStreamEntry, deliveries: number): LogEntry {
    const publishedAt = streamIdTime(raw.id);
    const base = { entryId: raw.id, deliveries, publishedAt };
    if (raw.fields === null) {
      return { ...base, message: undefined, problem: 'entry deleted while pending' };
    }
    const key = raw.fields.get('key');
    const id = raw.fields.get('id');
    const body = raw.fields.get('body');
    if (key === undefined || id === undefined || body === undefined) {
      const missing = [
        key === undefined && 'key',
        id === undefined && 'id',
        body === undefined && 'body',
      ]
        .filter(Boolean)
        .join(', ');
      return {
        ...base,
        message: undefined,
        problem: `malformed entry: missing ${missing}`,
        rawBody: JSON.stringify(Object.fromEntries(raw.fields)),
      };
    }
    return { ...base, message: { key, id, body }, problem: undefined };
  }
}
