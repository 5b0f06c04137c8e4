import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './freePort.js';
import { reaper } from './reaper.js';
import { killServer, spawnServer } from './spawnServer.js';

/** How to start one private `mariadbd` with a binary log. */
export interface MariaDbServerOptions {
  /** Name of the server's working directory inside the run's directory. @default 'mariadb' */
  name?: string;
  /** Extra server options, e.g. `['--binlog-format=MIXED']`; later ones win. @default [] */
  args?: string[];
  /** The server executable. @default 'mariadbd' */
  binary?: string;
  /** The data directory initialiser. @default 'mariadb-install-db' */
  installBinary?: string;
  /** How long to wait for "ready for connections". @default 30000 */
  startTimeoutMs?: number;
}

const READY = 'ready for connections';
const HINT = 'install it (Debian: `apt-get install mariadb-server`) or put it on PATH';

/**
 * A `mariadbd` process of this test run with ROW binary logging (`binlog_format=ROW`,
 * `binlog_row_image=FULL`, `binlog_row_metadata=FULL`, `server_id=1`), on a free loopback
 * port, with a fresh data directory inside the run's directory. `root` connects over TCP
 * without a password. The reaper's watchdog kills it if the runner dies. It can be
 * stopped and restarted on the same port and data directory (binlogs and tables kept).
 */
export class MariaDbServer {
  readonly host = '127.0.0.1';
  readonly user = 'root';
  readonly #options: Required<MariaDbServerOptions>;
  readonly #dir: string;
  #port = 0;
  #child: ChildProcess | undefined;

  private constructor(options: MariaDbServerOptions) {
    this.#options = {
      name: 'mariadb',
      args: [],
      binary: 'mariadbd',
      installBinary: 'mariadb-install-db',
      startTimeoutMs: 30_000,
      ...options,
    };
    this.#dir = reaper().workDir(`${this.#options.name}-${Math.random().toString(36).slice(2, 8)}`);
  }

  /** Initialises a data directory and starts a server; retries on another port when the chosen one was taken meanwhile. */
  static async start(options: MariaDbServerOptions = {}): Promise<MariaDbServer> {
    const server = new MariaDbServer(options);
    server.#install();
    for (let attempt = 1; ; attempt++) {
      server.#port = await freePort();
      try {
        await server.#spawn();
        return server;
      } catch (error) {
        if (attempt >= 5 || !/Address already in use|Bind on TCP\/IP port/.test(String(error))) {
          throw error;
        }
      }
    }
  }

  get port(): number {
    return this.#port;
  }

  /** `mysql://root@127.0.0.1:PORT` */
  get url(): string {
    return `mysql://${this.user}@${this.host}:${this.#port}`;
  }

  /** The data directory (binlogs are `mariadb-bin.NNNNNN` in it). */
  get dataDir(): string {
    return join(this.#dir, 'data');
  }

  get running(): boolean {
    return this.#child !== undefined;
  }

  /** Kills the process (SIGKILL by default: a crash) and waits for its exit. */
  kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    return killServer(this.#child, signal);
  }

  /** Shuts the server down cleanly (SIGTERM) and waits for its exit. */
  stop(): Promise<void> {
    return this.kill('SIGTERM');
  }

  /** Starts the process again on the same port and data directory. */
  async restart(): Promise<void> {
    if (this.#child) throw new Error(`harness: mariadbd on port ${this.#port} is still running`);
    await this.#spawn();
  }

  #asRoot(): string[] {
    // mariadbd refuses to run as root unless told to; as another user --user is moot.
    return process.getuid?.() === 0 ? ['--user=root'] : [];
  }

  /** A temp directory of its own: concurrent bootstraps collide on temporary table names in a shared one. */
  #tmpDir(): string {
    const dir = join(this.#dir, 'tmp');
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  #install(): void {
    const { installBinary } = this.#options;
    const result = spawnSync(
      installBinary,
      [
        '--no-defaults',
        '--auth-root-authentication-method=normal',
        `--datadir=${this.dataDir}`,
        `--tmpdir=${this.#tmpDir()}`,
        '--skip-test-db',
        '--innodb-log-file-size=8M',
        '--innodb-buffer-pool-size=32M',
        ...this.#asRoot(),
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    if (result.error || result.status !== 0) {
      const missing = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
      throw new Error(
        missing
          ? `harness: cannot run \`${installBinary}\`: ${HINT}.`
          : `harness: ${installBinary} failed (${result.status}):\n${result.stdout}${result.stderr}`,
        { cause: result.error },
      );
    }
  }

  async #spawn(): Promise<void> {
    const args = [
      '--no-defaults',
      `--datadir=${this.dataDir}`,
      `--tmpdir=${this.#tmpDir()}`,
      `--port=${this.#port}`,
      `--socket=${join(this.#dir, 'mariadbd.sock')}`,
      `--pid-file=${join(this.#dir, 'mariadbd.pid')}`,
      `--bind-address=${this.host}`,
      ...this.#asRoot(),
      '--log-bin=mariadb-bin',
      '--binlog-format=ROW',
      '--binlog-row-image=FULL',
      '--binlog-row-metadata=FULL',
      '--server-id=1',
      '--skip-name-resolve',
      '--innodb-log-file-size=8M',
      '--innodb-buffer-pool-size=32M',
      ...this.#options.args,
    ];
    const child = await spawnServer({
      binary: this.#options.binary,
      args,
      ready: READY,
      timeoutMs: this.#options.startTimeoutMs,
      label: `mariadbd on port ${this.#port}`,
      hint: HINT,
      onExit: (exited) => {
        if (this.#child === exited) this.#child = undefined;
      },
    });
    this.#child = child;
  }
}
