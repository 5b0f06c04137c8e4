import type { ChildProcess } from 'node:child_process';
import { freePort } from './freePort.js';
import { reaper } from './reaper.js';
import { requireBinary } from './requireBinary.js';
import { killServer, spawnServer } from './spawnServer.js';

/** How to start one private `redis-server`. */
export interface RedisServerOptions {
  /** Name of the server's working directory inside the run's directory. @default 'redis' */
  name?: string;
  /** Extra command-line directives, e.g. `['--cluster-enabled', 'yes']`. @default [] */
  args?: string[];
  /** Reserve port + 10000 as well (Redis Cluster's bus port). @default false */
  clusterBus?: boolean;
  /** The executable. @default 'redis-server' */
  binary?: string;
  /** How long to wait for "Ready to accept connections". @default 15000 */
  startTimeoutMs?: number;
}

const READY = 'Ready to accept connections';

/**
 * A `redis-server` process of this test run, on a free loopback port, keeping nothing
 * on disk but its cluster config. It can be killed and restarted on the same port and
 * directory, which is how failover tests take a node down and bring it back.
 */
export class RedisServer {
  readonly host = '127.0.0.1';
  readonly #options: Required<RedisServerOptions>;
  readonly #dir: string;
  #port = 0;
  #child: ChildProcess | undefined;

  private constructor(options: RedisServerOptions) {
    this.#options = {
      name: 'redis',
      args: [],
      clusterBus: false,
      binary: 'redis-server',
      startTimeoutMs: 15_000,
      ...options,
    };
    this.#dir = reaper().workDir(`${this.#options.name}-${Math.random().toString(36).slice(2, 8)}`);
  }

  /** Starts a server; retries on another port when the chosen one was taken meanwhile. */
  static async start(options: RedisServerOptions = {}): Promise<RedisServer> {
    const server = new RedisServer(options);
    requireBinary(server.#options.binary, 'redis-server');
    for (let attempt = 1; ; attempt++) {
      server.#port = await freePort({ withBusPort: server.#options.clusterBus });
      try {
        await server.#spawn();
        return server;
      } catch (error) {
        if (attempt >= 5 || !String(error).includes('Address already in use')) throw error;
      }
    }
  }

  get port(): number {
    return this.#port;
  }

  /** `redis://127.0.0.1:PORT` */
  get url(): string {
    return `redis://${this.host}:${this.#port}`;
  }

  get running(): boolean {
    return this.#child !== undefined;
  }

  /** Kills the process (SIGKILL by default: no chance to say goodbye) and waits for its exit. */
  kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    return killServer(this.#child, signal);
  }

  /** Starts the process again on the same port and directory. */
  async restart(): Promise<void> {
    if (this.#child) throw new Error(`harness: redis on port ${this.#port} is still running`);
    await this.#spawn();
  }

  /** Stops the process gracefully. */
  stop(): Promise<void> {
    return this.kill('SIGTERM');
  }

  async #spawn(): Promise<void> {
    const args = [
      '--port',
      String(this.#port),
      '--bind',
      this.host,
      '--dir',
      this.#dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'no',
      '--logfile',
      '',
      ...this.#options.args,
    ];
    const child = await spawnServer({
      binary: this.#options.binary,
      args,
      ready: READY,
      timeoutMs: this.#options.startTimeoutMs,
      label: `redis-server on port ${this.#port}`,
      hint: 'install redis-server (Debian: `apt-get install redis-server`)',
      onExit: (exited) => {
        if (this.#child === exited) this.#child = undefined;
      },
    });
    this.#child = child;
  }
}
