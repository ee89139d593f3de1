import path from 'node:path';

/** The repository root, found from this file so commands work from any working directory. */
export const projectRoot = path.resolve(__dirname, '..');

/** Where Herald keeps local state (database cluster, Temporal's SQLite file, pids, dev key). */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(projectRoot, env.HERALD_DATA_DIR ?? '.data');
}

/** Where Herald keeps tools it builds for itself (the Temporal CLI). */
export const toolsBinDir = path.join(projectRoot, '.tools', 'bin');
