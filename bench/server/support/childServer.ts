import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { freePort } from '@mallkit/internal-harness';

/** A Node server started by {@link startChildServer}. */
export interface ChildServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly pid: number;
  /** CPU time (user + system) the process has used so far, in ms. */
  cpuMs(): number;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

/** What {@link startChildServer} runs. */
export interface ChildServerOptions {
  /** Name in messages. */
  label: string;
  /** The script, run by this Node with type stripping. */
  script: string;
  cwd: string;
  /** Added to this process's environment; `PORT` is chosen here. */
  env: Record<string, string>;
  /** GET path that answers 200 once the server is ready. */
  readyPath: string;
  /** @default 120000 */
  readyTimeoutMs?: number;
}

// A detached shell per bench process kills the children it was told about once this
// process is gone, even after SIGKILL, when no exit handler runs.
let watchDir: string | undefined;
function watch(pid: number): () => void {
  if (watchDir === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'mallkit-bench-server-'));
    watchDir = dir;
    const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done
      for f in "${dir}"/*.pid; do [ -f "$f" ] && kill -9 "$(cat "$f")" 2>/dev/null; done
      rm -rf "${dir}"`;
    spawn('bash', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
  }
  const file = join(watchDir, `${pid}.pid`);
  writeFileSync(file, String(pid));
  return () => rmSync(file, { force: true });
}

/** CPU time (user + system) of process `pid` so far, in ms, from /proc; NaN if unreadable. */
export function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/**
 * Starts `node script` on a free loopback port and waits until `readyPath` answers 200;
 * kills it and rejects with the tail of its output if it exits or is not ready in time.
 * The process is killed when this one exits, however it exits.
 */
export async function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', options.script],
    {
      cwd: options.cwd,
      env: { ...process.env, ...options.env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const pid = child.pid;
  if (pid === undefined) {
    await new Promise((resolve) => child.once('error', resolve));
    throw new Error(`bench: cannot start ${options.label}`);
  }
  const unwatch = watch(pid);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      unwatch();
      process.off('exit', killOnExit);
      resolve();
    }),
  );
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  const stop = async (graceMs = 10_000) => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exit;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  for (;;) {
    if (exited) throw new Error(`bench: ${options.label} exited before it was ready:\n${tail}`);
    if (Date.now() > deadline) {
      await stop(0);
      throw new Error(`bench: ${options.label} not ready at ${url}${options.readyPath}:\n${tail}`);
    }
    const ok = await fetch(`${url}${options.readyPath}`).then(
      async (response) => {
        await response.arrayBuffer();
        return response.ok;
      },
      () => false,
    );
    if (ok) break;
    await delay(100);
  }
  return { url, pid, cpuMs: () => processCpuMs(pid), stop };
}
