import { spawnSync } from 'node:child_process';

const hints: Record<string, string> = {
  'redis-server': 'install it (Debian: `apt-get install redis-server`) or put it on PATH',
  'redis-cli': 'it comes with redis-server (Debian: `apt-get install redis-tools`)',
};

/**
 * Fails at once, saying what to install, when `binary` cannot be run.
 * `kind` picks the hint when the binary was given as a path or another name.
 */
export function requireBinary(binary: string, kind: keyof typeof hints | string = binary): void {
  const probe = spawnSync(binary, ['--version'], { stdio: 'ignore', timeout: 10_000 });
  if (probe.error || probe.status !== 0) {
    const hint = hints[kind] ?? 'install it or put it on PATH';
    throw new Error(`harness: cannot run \`${binary}\`: ${hint}.`, { cause: probe.error });
  }
}
