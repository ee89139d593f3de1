import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** A Herald child process and the tail of what it printed (for failure messages). */
export interface HeraldProcess {
  child: ChildProcess;
  output(): string;
  /** SIGKILL: no graceful shutdown, leases held, activities cut off mid-flight. */
  kill(): Promise<void>;
  /** SIGTERM (graceful), then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

/**
 * Starts `node <args>` with the test file's environment plus `env` (so on the file's own database
 * and task queue unless `env` names others) and logs at info; resolves once its output contains
 * `ready`.
 */
export function startHeraldProcess(args: string[], env: Record<string, string>, ready: string): Promise<HeraldProcess> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const onData = (c: Buffer) => {
    text = (text + c.toString()).slice(-20_000);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const handle: HeraldProcess = {
    child,
    output: () => text,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop(graceMs = 10_000) {
      const done = exited(child);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await done;
      clearTimeout(timer);
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} did not print "${ready}" in time:\n${text}`));
    }, 60_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited early (${code}):\n${text}`));
    };
    child.once('exit', onExit);
    const started = () => {
      if (!text.includes(ready)) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      child.stdout!.off('data', started);
      resolve(handle);
    };
    child.stdout!.on('data', started);
  });
}

/**
 * Starts the real `herald worker` (the TypeScript sources) as a child process; resolves once it
 * says it is polling. Crash tests use it to SIGKILL a worker the way an OOM killer would.
 */
export const startWorkerProcess = (env: Record<string, string> = {}) => startHeraldProcess([path.join(root, 'bin/herald'), 'worker'], env, 'worker running');

/** A worker child process; see {@link startWorkerProcess}. */
export type WorkerProcess = HeraldProcess;
