import type ZongJi from '@vlasky/zongji';
import type { ConnectionOptions } from 'mysql2/promise';
import { BinlogDecoder } from './BinlogDecoder.js';
import type { BinlogItem } from './BinlogItem.js';
import type { BinlogPosition } from './BinlogPosition.js';
import { loadZongJi } from './loadZongJi.js';

/** Schema filter in zongji's form. @internal */
export type SchemaFilter = Record<string, string[] | true>;

/** What {@link BinlogReader.open} needs. @internal */
export interface BinlogReaderOptions {
  connection: ConnectionOptions | string;
  serverId: number;
  position: BinlogPosition;
  includeSchema: SchemaFilter | undefined;
  excludeSchema: SchemaFilter | undefined;
  /** Decoded items of one binlog event, in order. */
  onItems: (items: BinlogItem[]) => void;
  /** Reading failed; the reader is dead and must be closed. */
  onError: (error: unknown) => void;
}

/**
 * One zongji session reading from a position: decodes events into items, can be
 * paused (the binlog connection stops reading its socket, so the server holds
 * the rest) and closed. Errors after `open` resolves go to `onError` once.
 * @internal
 */
export class BinlogReader {
  readonly #zongji: ZongJi;
  #closed = false;
  #failed = false;

  private constructor(zongji: ZongJi) {
    this.#zongji = zongji;
  }

  /** Connects and starts streaming at `options.position`; resolves once zongji is ready. */
  static async open(options: BinlogReaderOptions): Promise<BinlogReader> {
    const ZongJiClass = await loadZongJi();
    const zongji = new ZongJiClass(options.connection);
    const reader = new BinlogReader(zongji);
    const decoder = new BinlogDecoder(options.position.file, options.position.offset);
    const fail = (error: unknown) => {
      if (reader.#closed || reader.#failed) return;
      reader.#failed = true;
      options.onError(error);
    };
    zongji.on('binlog', (event) => {
      if (reader.#closed || reader.#failed) return;
      let items: BinlogItem[];
      try {
        items = decoder.decode(event);
      } catch (error) {
        fail(error);
        return;
      }
      if (items.length > 0) options.onItems(items);
    });
    await new Promise<void>((resolve, reject) => {
      const onStartError = (error: Error) => {
        zongji.off('ready', onReady);
        reject(error);
      };
      const onReady = () => {
        zongji.off('error', onStartError);
        zongji.on('error', fail);
        // A server shutdown can end the dump without an error packet.
        zongji.connection?.once('end', () => fail(new Error('binlog connection closed')));
        resolve();
      };
      zongji.once('error', onStartError);
      zongji.once('ready', onReady);
      zongji.start({
        serverId: options.serverId,
        filename: options.position.file,
        position: options.position.offset,
        ...(options.includeSchema && { includeSchema: options.includeSchema }),
        ...(options.excludeSchema && { excludeSchema: options.excludeSchema }),
      });
    }).catch(async (error: unknown) => {
      await reader.close();
      throw error;
    });
    return reader;
  }

  /** Stops reading the socket until {@link BinlogReader.resume}. */
  pause(): void {
    if (!this.#closed) this.#zongji.connection?.pause();
  }

  /** Reads again. */
  resume(): void {
    if (!this.#closed) this.#zongji.connection?.resume();
  }

  /** Stops zongji (kills the dump thread, closes its connections) and waits for it. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const zongji = this.#zongji;
    zongji.removeAllListeners('binlog');
    zongji.removeAllListeners('error');
    zongji.on('error', () => undefined);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 3000);
      timer.unref();
      zongji.once('stopped', () => {
        clearTimeout(timer);
        resolve();
      });
      zongji.stop();
    });
  }
}
