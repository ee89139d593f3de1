import { proxyActivities } from '@temporalio/workflow';
import type * as activities from '../activities';

const { summarizeTenant } = proxyActivities<ReturnType<typeof activities.createActivities>>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 5 },
});

/** Input of {@link tenantSummaryWorkflow}: ids only, never customer data. */
export interface TenantSummaryInput {
  tenantId: string;
}

/**
 * Business id of a tenant's summary run: concurrent requests for the same tenant share one run
 * instead of starting a workflow each.
 */
export const tenantSummaryWorkflowId = (tenantId: string) => `tenant-summary-${tenantId}`;

/**
 * Counts a tenant's records through an activity that reads Postgres. Small on purpose: it proves
 * the worker, the bundle, the activity factory and the database are wired end to end.
 */
export async function tenantSummaryWorkflow(input: TenantSummaryInput) {
  return summarizeTenant(input.tenantId);
}
