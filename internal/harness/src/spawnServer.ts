import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { reaper } from './reaper.js';

/** A server process started by {@link spawnServer}. */
export type ServerProcess = ChildProcessByStdio<null, Readable, Readable>;

/** What {@link spawnServer} starts and how it knows the server is ready. */
export interface SpawnServerOptions {
  /** Executable. */
  binary: string;
  /** Its arguments. */
  args: string[];
  /** Text the server prints (on stdout or stderr) once it accepts connections. */
  ready: string;
  /** How long to wait for `ready`, in ms; then the process is killed. */
  timeoutMs: number;
  /** Name in error messages, e.g. `redis-server on port 6400`. */
  label: string;
  /** Explains how to install the binary when it cannot be run. */
  hint: string;
  /** Called when the process exits, whenever that is. */
  onExit: (child: ServerProcess) => void;
}

/**
 * Starts a server process, registers it with the reaper (so a killed test runner
 * leaves none behind), and resolves once it printed its ready line; rejects with
 * its output if it exits or stays silent too long.
 */
export async function spawnServer(options: SpawnServerOptions): Promise<ServerProcess> {
  const { binary, args, ready, timeoutMs, label, hint } = options;
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) {
    await new Promise((resolve) => child.once('error', resolve));
    throw new Error(`harness: cannot run \`${binary}\`: ${hint}.`);
  }
  reaper().track(pid);
  child.once('exit', () => {
    reaper().untrack(pid);
    options.onExit(child);
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`harness: ${label} not ready after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`harness: ${label} exited (${code}) before it was ready:\n${output}`));
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes(ready)) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      for (const stream of [child.stdout, child.stderr]) {
        stream.removeAllListeners('data');
        stream.resume();
      }
      resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', onExit);
  });
  return child;
}

/** Sends `signal` to a server process (if it runs) and waits for its exit. */
export async function killServer(
  child: ({ kill(signal: NodeJS.Signals): boolean } & NodeJS.EventEmitter) | undefined,
  signal: NodeJS.Signals,
): Promise<void> {
  if (!child) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}
