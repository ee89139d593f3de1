import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { dataDir } from '../lib/paths';

/**
 * The worker's pre-built workflow bundle. Bundling the workflows with webpack inside the worker
 * (Worker.create with workflowsPath) leaves webpack's heap in the worker for its whole life
 * (~150 MB of RSS). Instead the bundle is built once, by a short-lived child process, into a file
 * named by the hash of the workflow sources, and every later worker start reuses that file
 * (`workflowBundle: { codePath }`, the SDK's production practice). Changing any workflow source
 * (or the SDK version) changes the hash, so the next start builds a fresh bundle.
 */

const run = promisify(execFile);

/** The folder of the workflow sources (everything the bundle is made from besides the SDK). */
export const WORKFLOWS_DIR = path.resolve(__dirname, '..', 'workflows');

/** Where bundles are kept unless the caller says otherwise: the project's git-ignored .data/. */
export const DEFAULT_BUNDLE_DIR = path.join(dataDir(), 'workflow-bundles');

/** The builder next to this file: TypeScript from the sources, JavaScript in the compiled build (dist/). */
const BUILDER = path.join(__dirname, `buildWorkflowBundle${path.extname(__filename)}`);
const BUILDER_ARGS = path.extname(__filename) === '.ts' ? ['--require', 'tsx/cjs', BUILDER] : [BUILDER];
const PREFIX = 'workflows-';

/** Every file under a folder, sorted, so the hash does not depend on directory order. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else if (entry.isFile()) out.push(full);
  }
  return out.sort();
}

/** The version of an installed package (part of the hash: a bundle must match the worker's SDK). */
function versionOf(pkg: string): string {
  const file = require.resolve(`${pkg}/package.json`);
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

/**
 * A hash of what the bundle is made from: the names and contents of the workflow sources and the
 * versions of the Temporal workflow, worker and OpenTelemetry interceptor packages (and of the builder itself).
 */
export function workflowSourcesHash(workflowsDir = WORKFLOWS_DIR): string {
  const hash = createHash('sha256');
  hash.update(
    `@temporalio/workflow@${versionOf('@temporalio/workflow')} @temporalio/worker@${versionOf('@temporalio/worker')} @temporalio/interceptors-opentelemetry@${versionOf('@temporalio/interceptors-opentelemetry')}\n`,
  );
  hash.update(fs.readFileSync(BUILDER));
  for (const file of filesUnder(workflowsDir)) {
    hash.update(`\0${path.relative(workflowsDir, file)}\0`);
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/** What {@link ensureWorkflowBundle} found or did. */
export interface WorkflowBundleFile {
  codePath: string;
  hash: string;
  built: boolean;
}

/**
 * Returns the bundle for the current workflow sources, building it first when no bundle with
 * their hash exists. The build runs in a child process (its webpack heap dies with it) and
 * writes to a temporary file renamed into place, so concurrent starts never see half a bundle.
 * Bundles of older sources are removed.
 */
export async function ensureWorkflowBundle(options: { dir?: string; workflowsDir?: string } = {}): Promise<WorkflowBundleFile> {
  const workflowsDir = options.workflowsDir ?? WORKFLOWS_DIR;
  const hash = workflowSourcesHash(workflowsDir);
  const name = `${PREFIX}${hash}.js`;
  const preferred = options.dir ?? DEFAULT_BUNDLE_DIR;
  // A read-only install (the Docker image runs as `node` in a root-owned /app) builds into the temp dir.
  const fallback = path.join(os.tmpdir(), 'herald-workflow-bundles');
  for (const dir of [preferred, fallback]) {
    if (fs.existsSync(path.join(dir, name))) return { codePath: path.join(dir, name), hash, built: false };
  }
  const dir = writable(preferred) ? preferred : fallback;
  const codePath = path.join(dir, name);
  fs.mkdirSync(dir, { recursive: true });
  const temporary = `${codePath}.${process.pid}.${Date.now()}.tmp`;
  try {
    await run(process.execPath, [...BUILDER_ARGS, workflowsDir, temporary], { cwd: path.resolve(__dirname, '..'), maxBuffer: 16 * 2 ** 20 });
    fs.renameSync(temporary, codePath);
  } catch (err) {
    fs.rmSync(temporary, { force: true });
    const stderr = (err as { stderr?: string }).stderr;
    throw new Error(`Building the workflow bundle failed${stderr ? `: ${stderr.trim().slice(-2000)}` : ''}`, { cause: err });
  }
  for (const other of fs.readdirSync(dir)) {
    if (other.startsWith(PREFIX) && other.endsWith('.js') && other !== name) fs.rmSync(path.join(dir, other), { force: true });
  }
  return { codePath, hash, built: true };
}

/** True when the folder exists and can be written, or can be created. */
function writable(dir: string): boolean {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
