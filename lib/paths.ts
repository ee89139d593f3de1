import path from 'node:path';

const parent = path.resolve(__dirname, '..');

/**
 * The repository root, found from this file so commands work from any working directory: the
 * parent of lib/, or of dist/ when running the compiled build (`npm run build`).
 */
export const projectRoot = path.basename(parent) === 'dist' ? path.dirname(parent) : parent;

/** Where Herald keeps local state (database cluster, Temporal's SQLite file, pids, dev key). */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(projectRoot, env.HERALD_DATA_DIR ?? '.data');
}

/** Where Herald keeps tools it builds for itself (the Temporal CLI). */
export const toolsBinDir = path.join(projectRoot, '.tools', 'bin');
