import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';

/** Where MySQL is when `MYSQL_URL` is not set. */
export const DEFAULT_MYSQL_URL = 'mysql://root@127.0.0.1:3306';

/**
 * A database of this test run's own, on the MySQL/MariaDB server at `serverUrl`,
 * created with a unique name and dropped by {@link TestDatabase.drop}.
 */
export class TestDatabase {
  readonly name: string;
  /** The server URL with this database selected. */
  readonly url: string;
  readonly #serverUrl: string;

  private constructor(serverUrl: string, name: string) {
    this.#serverUrl = serverUrl;
    this.name = name;
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    this.url = url.toString();
  }

  static async create(
    serverUrl = DEFAULT_MYSQL_URL,
    prefix = 'mallkit_test',
  ): Promise<TestDatabase> {
    const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
    const db = new TestDatabase(serverUrl, name);
    await db.#run(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    return db;
  }

  /** Whether the database exists on the server. */
  async exists(): Promise<boolean> {
    const rows = await this.#run(
      'SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?',
      [this.name],
    );
    return Array.isArray(rows) && rows.length === 1;
  }

  async drop(): Promise<void> {
    await this.#run(`DROP DATABASE IF EXISTS \`${this.name}\``);
  }

  async #run(sql: string, params: unknown[] = []): Promise<unknown> {
    let connection: Awaited<ReturnType<typeof createConnection>>;
    try {
      connection = await createConnection({ uri: this.#serverUrl, connectTimeout: 5000 });
    } catch (error) {
      const code = (error as { code?: string }).code ?? String(error);
      throw new Error(
        `harness: cannot reach MySQL at ${redact(this.#serverUrl)} (${code}). Start MariaDB ` +
          '(Debian: `apt-get install mariadb-server`) or set MYSQL_URL=mysql://user:password@host:port.',
        { cause: error },
      );
    }
    try {
      const [rows] = await connection.query(sql, params);
      return rows;
    } finally {
      await connection.end();
    }
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
