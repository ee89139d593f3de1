import { ApplicationFailure, isCancellation, ParentClosePolicy, proxyActivities, startChild } from '@temporalio/workflow';
import type * as activities from '../activities';
import { refreshSegmentWorkflow, segmentRefreshWorkflowId } from './segmentRefresh';

type Activities = ReturnType<typeof activities.createActivities>;

/** Short steps: mark running, finish, fail, clean up. */
const steps = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 10 },
});

/**
 * The chunk loop. It heartbeats after every chunk, so a killed worker is noticed within the
 * heartbeat timeout and the activity resumes on another worker from its last committed chunk.
 */
const chunks = proxyActivities<Activities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '15 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 20, nonRetryableErrorTypes: ['StagedRowsLost'] },
});

/** Input of {@link importCustomersWorkflow}: ids only, never rows. */
export interface ImportCustomersInput {
  tenantId: string;
  importId: string;
}

/** Business id of an import's workflow: one per import. */
export const importWorkflowId = (tenantId: string, importId: string) => `import-${tenantId}-${importId}`;

/** What the workflow reports when it ends. */
export interface ImportWorkflowResult {
  status: string;
  processed: number;
}

/**
 * One bulk import: mark it running, process its staged rows chunk by chunk (each chunk one
 * transaction: validate, normalise, dedupe, upsert, count), then complete it with its
 * import.completed event, start membership refreshes of the tenant's segments, and empty the
 * working tables. Any failure marks the import failed with import.failed.
 */
export async function importCustomersWorkflow(input: ImportCustomersInput): Promise<ImportWorkflowResult> {
  const { importId } = input;
  try {
    const begun = await steps.beginImportStep(importId);
    if (begun.status !== 'running') {
      await steps.cleanupImportStep(importId);
      return { status: begun.status, processed: begun.processed };
    }
    let state = { state: 'processed', processed: begun.processed };
    // The activity returns after a time budget so histories stay short on huge files.
    while (state.state === 'processed') state = await chunks.processImportChunks(importId);
    if (state.state === 'done') {
      const finished = await steps.finishImportStep(importId);
      for (const segmentId of finished.segmentIds) {
        await startChild(refreshSegmentWorkflow, {
          workflowId: segmentRefreshWorkflowId(input.tenantId, segmentId),
          args: [{ tenantId: input.tenantId, segmentId }],
          parentClosePolicy: ParentClosePolicy.ABANDON,
        }).catch(() => undefined);
      }
    }
    await steps.cleanupImportStep(importId);
    return { status: state.state === 'done' ? 'completed' : 'stopped', processed: state.processed };
  } catch (err) {
    if (isCancellation(err)) throw err;
    const message = err instanceof ApplicationFailure || err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    await steps.failImportStep(importId, message);
    await steps.cleanupImportStep(importId);
    return { status: 'failed', processed: 0 };
  }
}
