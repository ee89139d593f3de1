import { bundleWorkflowCode } from '@temporalio/worker';
import fs from 'node:fs';

/**
 * Builds the workflow bundle: `node -r tsx/cjs temporal/buildWorkflowBundle.ts <workflowsDir> <out>`
 * (`node dist/temporal/buildWorkflowBundle.js …` in the compiled build).
 * Run as a short-lived child of the worker (see workflowBundle.ts), so webpack's memory is
 * returned to the system when it exits instead of staying in the worker.
 */
async function main(workflowsDir: string | undefined, out: string | undefined): Promise<void> {
  if (!workflowsDir || !out) throw new Error('usage: buildWorkflowBundle <workflowsDir> <out>');
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve(workflowsDir),
    // Always bundled, traced or not, so turning tracing on or off never changes workflow code (telemetry/temporalTracing.ts).
    workflowInterceptorModules: [require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors')],
    logger: { trace() {}, debug() {}, info() {}, warn() {}, error: (m) => process.stderr.write(`${m}\n`), log() {} },
  });
  fs.writeFileSync(out, code);
}

main(process.argv[2], process.argv[3]).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
