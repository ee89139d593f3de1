import fs from 'node:fs';
import path from 'node:path';
import { Session } from 'node:inspector/promises';

/**
 * Profiles this process's main thread while `work` runs and writes the profile to
 * `<dir>/<name>.cpuprofile` (open it in Chrome DevTools or speedscope). In-process benchmarks use
 * it to profile Herald's measured load alone: `--cpu-prof` would mix in the setup, the warm-up
 * and the bare baseline. autocannon runs in a worker thread, so the load generator is not in it.
 * Without a directory it only runs `work`.
 */
export async function withCpuProfile<T>(dir: string | undefined, name: string, work: () => Promise<T>): Promise<T> {
  if (!dir) return work();
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    const result = await work();
    const { profile } = await session.post('Profiler.stop');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    process.stderr.write(`CPU profile written to ${file}\n`);
    return result;
  } finally {
    session.disconnect();
  }
}
