import type { MysqlPool, MysqlPoolConnection } from 'kysely';

/**
 * Kysely's minimal MySQL pool over several replicas: each connection comes from the
 * next replica in turn; a replica that cannot give one is skipped, and when none can,
 * the primary serves the read (stale reads are bounded by the cache's refresh-from-primary).
 */
export class ReplicaPool implements MysqlPool {
  readonly #replicas: readonly MysqlPool[];
  readonly #primary: MysqlPool;
  #next = 0;

  constructor(replicas: readonly MysqlPool[], primary: MysqlPool) {
    this.#replicas = replicas;
    this.#primary = primary;
  }

  getConnection(callback: (error: unknown, connection: MysqlPoolConnection) => void): void {
    const start = this.#next++ % this.#replicas.length;
    const attempt = (tried: number): void => {
      const replica = this.#replicas[(start + tried) % this.#replicas.length];
      if (replica === undefined || tried >= this.#replicas.length) {
        this.#primary.getConnection(callback);
        return;
      }
      replica.getConnection((error, connection) => {
        if (error) attempt(tried + 1);
        else callback(null, connection);
      });
    };
    attempt(0);
  }

  end(callback: (error: unknown) => void): void {
    let left = this.#replicas.length;
    let failure: unknown = null;
    if (left === 0) callback(null);
    for (const replica of this.#replicas) {
      replica.end((error) => {
        failure ??= error;
        if (--left === 0) callback(failure);
      });
    }
  }
}
