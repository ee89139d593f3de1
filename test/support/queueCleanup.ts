import { Client, Connection } from '@temporalio/client';

/**
 * Ends what a suite left on its task queue: terminates its running workflows (relay, dispatchers,
 * campaigns a test never finished) and deletes the schedules that start workflows on it, so a
 * dev server kept between runs does not pile up work nobody will ever poll.
 */
export async function endQueueWork(address: string, taskQueue: string): Promise<void> {
  const connection = await Connection.connect({ address, connectTimeout: 2_000 }).catch(() => undefined);
  if (!connection) return;
  const client = new Client({ connection, namespace: 'default' });
  try {
    for await (const wf of client.workflow.list({ query: `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'` })) {
      await client.workflow
        .getHandle(wf.workflowId, wf.runId)
        .terminate('test suite finished')
        .catch(() => undefined);
    }
    for await (const s of client.schedule.list()) {
      const action = (
        await client.schedule
          .getHandle(s.scheduleId)
          .describe()
          .catch(() => undefined)
      )?.action;
      if (action?.type === 'startWorkflow' && action.taskQueue === taskQueue)
        await client.schedule
          .getHandle(s.scheduleId)
          .delete()
          .catch(() => undefined);
    }
  } catch {
    // Visibility unavailable: the leftovers stay on a queue nobody polls, which is harmless.
  } finally {
    await connection.close();
  }
}
