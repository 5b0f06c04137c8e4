import { CdcPipeline, type Lease, type LeaseProvider, type MessageTransport } from '@mallkit/sync';
import { BinlogSource, MysqlCheckpointStore } from '@mallkit/sync/mysql';
import type { Pool } from 'mysql2/promise';
import { changeTopic } from './ChangeFeed.ts';

/** Settings of a {@link BinlogLeader}. */
export interface BinlogLeaderOptions {
  /** URL of the account reading the binlog (REPLICATION SLAVE, REPLICATION CLIENT / BINLOG MONITOR, SELECT). */
  url: string;
  /** The primary's pool, for the checkpoint table. */
  pool: Pool;
  /** The database whose `stock_level` table is captured. */
  database: string;
  transport: MessageTransport;
  leases: LeaseProvider;
  /** Lease name, shared by every instance of the deployment. */
  leaseName: string;
  /** Lease lifetime; renewed every third of it. */
  leaseMs?: number;
}

/**
 * Captures the inventory's `stock_level` changes from the binlog on ONE instance at a
 * time: every instance tries to take the lease, the holder runs the binlog source (from
 * its MySQL checkpoint) and renews the lease; if a renewal fails it stops, and another
 * instance takes over from the checkpoint. Any change to stock reaches the feed this
 * way, the server's own and those made by other systems or by hand.
 */
export class BinlogLeader {
  readonly #o: Required<BinlogLeaderOptions>;
  #lease: Lease | undefined;
  #pipeline: CdcPipeline | undefined;
  #timer: NodeJS.Timeout | undefined;
  #tick: Promise<void> | undefined;
  #stopped = false;

  constructor(options: BinlogLeaderOptions) {
    this.#o = { leaseMs: 10_000, ...options };
  }

  /** Whether this instance runs the capture now. */
  get leading(): boolean {
    return this.#pipeline !== undefined;
  }

  /** The pipeline's status while leading. */
  status() {
    return this.#pipeline?.status();
  }

  /** Tries now, then every third of the lease. */
  async start(): Promise<void> {
    await this.#step();
    this.#timer = setInterval(
      () => {
        this.#tick ??= this.#step().finally(() => {
          this.#tick = undefined;
        });
      },
      Math.ceil(this.#o.leaseMs / 3),
    );
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer !== undefined) clearInterval(this.#timer);
    await this.#tick;
    await this.#resign();
  }

  async #step(): Promise<void> {
    if (this.#stopped) return;
    try {
      if (this.#lease !== undefined) {
        if (!(await this.#lease.renew(this.#o.leaseMs))) await this.#resign();
        return;
      }
      const lease = await this.#o.leases.tryAcquire(this.#o.leaseName, this.#o.leaseMs);
      if (lease === null) return;
      this.#lease = lease;
      const pipeline = new CdcPipeline({
        source: new BinlogSource({
          connection: this.#o.url,
          pool: this.#o.pool,
          name: 'stock-binlog',
          checkpoints: new MysqlCheckpointStore({ pool: this.#o.pool, table: 'mall_checkpoints' }),
          filter: { tables: [`${this.#o.database}.stock_level`] },
          // first start (no checkpoint) or a purged position: every row once, then the binlog
          startAt: 'snapshot',
          onPositionLost: 'snapshot',
          snapshotTables: [`${this.#o.database}.stock_level`],
        }),
        transport: this.#o.transport,
        topic: changeTopic,
      });
      await pipeline.start();
      this.#pipeline = pipeline;
    } catch {
      // the binlog or Redis is unreachable: let the lease go, another tick (or instance) retries
      await this.#resign();
    }
  }

  async #resign(): Promise<void> {
    const pipeline = this.#pipeline;
    const lease = this.#lease;
    this.#pipeline = undefined;
    this.#lease = undefined;
    await pipeline?.stop().catch(() => undefined);
    await lease?.release().catch(() => undefined);
  }
}
