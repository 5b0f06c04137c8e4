import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Makes sure the servers a test run starts die with it, whatever happens: a detached
 * shell polls the run's process and kills every registered pid once it is gone (even
 * after SIGKILL, when no exit handler runs), and an exit handler kills them at once on
 * a normal exit.
 */
export class Reaper {
  readonly dir: string;
  readonly #pids = new Set<number>();

  constructor() {
    const base = join(tmpdir(), 'mallkit-harness');
    mkdirSync(base, { recursive: true });
    this.dir = mkdtempSync(join(base, `run-${process.pid}-`));
    const watchdog = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done
      for f in "${this.dir}"/*.pid; do [ -f "$f" ] && kill -9 "$(cat "$f")" 2>/dev/null; done
      rm -rf "${this.dir}"`;
    spawn('bash', ['-c', watchdog], { detached: true, stdio: 'ignore' }).unref();
    process.once('exit', () => this.killAll());
  }

  /** A fresh directory for one server's files, removed with the run. */
  workDir(name: string): string {
    const dir = join(this.dir, name);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  track(pid: number): void {
    this.#pids.add(pid);
    writeFileSync(join(this.dir, `${pid}.pid`), String(pid));
  }

  untrack(pid: number): void {
    this.#pids.delete(pid);
    rmSync(join(this.dir, `${pid}.pid`), { force: true });
  }

  killAll(): void {
    for (const pid of this.#pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {}
      try {
        unlinkSync(join(this.dir, `${pid}.pid`));
      } catch {}
    }
    this.#pids.clear();
  }
}

let shared: Reaper | undefined;

/** The reaper of this process, created on first use. */
export function reaper(): Reaper {
  shared ??= new Reaper();
  return shared;
}
