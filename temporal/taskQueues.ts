/**
 * Task queue names, in one place so the worker and every client agree. The base name comes
 * from TEMPORAL_TASK_QUEUE so two Herald deployments (or two test runs) can share a server.
 */
export const taskQueues = (base: string) => ({
  /** Everything Herald runs today; later issues may split slow work onto its own queue. */
  main: base,
});
