/** Everything the server is configured with; `readConfig` builds it from the environment. */
export interface MallConfig {
  /** Port to listen on (0: any free port). */
  port: number;
  /** Address to bind. */
  host: string;
  /** Redis URL (`redis://…`) or Cluster seeds (`redis+cluster://h1:p1,h2:p2`); none: embedded mode. */
  redisUrl: string | undefined;
  /**
   * Where stock changes enter the feed: `app` (each instance announces its own writes) or
   * `binlog` (one instance reads the primary's binlog: every change, whoever made it).
   */
  cdcSource: 'app' | 'binlog';
  /** Start of every Redis key and channel of this deployment. */
  redisPrefix: string;
  /** Replicas each Redis master has: flash-sale admissions wait for them (`WAIT`). */
  redisReplicas: number;
  /** Primary MySQL/MariaDB URL; none: embedded mode (SQLite). */
  mysqlUrl: string | undefined;
  /** Read replicas' URLs; reads of the product catalogue go to them when set. */
  mysqlReplicaUrls: string[];
  /** SQLite file of the embedded mode (`:memory:` for none). */
  sqlitePath: string;
  /** Bearer token of services calling deduct, confirm, release, refund and buy. */
  serviceToken: string;
  /** Bearer token of the admin console and admin endpoints. */
  adminToken: string;
  /** Name of this instance in metrics, logs and the transport's consumer group. */
  instance: string;
  /** Seed the demo catalogue when the catalogue is empty. */
  seedDemo: boolean;
  /** Base URL of the warehouse system; none: the bundled simulator when `wmsSimulator` is on. */
  wmsUrl: string | undefined;
  /** Start the bundled WMS simulator in process (demo). */
  wmsSimulator: boolean;
  /** Period of the scheduled full warehouse sync, ms (0: off). */
  fullSyncEveryMs: number;
  /** A flash-sale hand-off entry unsettled this long is taken over by another instance's writer, ms. */
  flashClaimIdleMs: number;
  /** How an order is split over warehouses: `priority`, `nearest` (to the order's `region`) or `mostStock`. */
  splitStrategy: 'priority' | 'nearest' | 'mostStock';
  /** Whether one order line may be served from several warehouses. */
  allowSplit: boolean;
  /** How long an unpaid reservation lives, ms. */
  reservationTtlMs: number;
  /** Largest number of ids or SKUs in one batched request. */
  maxBatch: number;
  /** Largest request body, bytes. */
  bodyLimit: number;
  /** Requests per second one client (by token or address) may make to non-core routes. */
  clientRps: number;
  /** Concurrency limit of the load shedder. */
  concurrency: number;
  /** Log level of pino (`silent` in tests). */
  logLevel: string;
}
