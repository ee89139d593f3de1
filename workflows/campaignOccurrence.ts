import { executeChild, proxyActivities } from '@temporalio/workflow';
import type * as activities from '../activities';
import { campaignSendWorkflow, campaignWorkflowId } from './campaignSend';

const { createCampaignOccurrence } = proxyActivities<ReturnType<typeof activities.createActivities>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** Input: the recurring campaign's ids. */
export interface CampaignOccurrenceInput {
  tenantId: string;
  campaignId: string;
}

/** Id of the Temporal Schedule of a recurring campaign. */
export const campaignScheduleId = (tenantId: string, campaignId: string) => `campaign-schedule-${tenantId}-${campaignId}`;

/**
 * One occurrence of a recurring campaign, started by its Temporal Schedule: copies the campaign
 * (a child campaign with its own ledger) and sends the copy as a child workflow. Returns the
 * occurrence's campaign id, or null when the recurring campaign was cancelled meanwhile.
 */
export async function campaignOccurrenceWorkflow(input: CampaignOccurrenceInput): Promise<string | null> {
  const occurrenceId = await createCampaignOccurrence(input.tenantId, input.campaignId);
  if (!occurrenceId) return null;
  await executeChild(campaignSendWorkflow, {
    workflowId: campaignWorkflowId(input.tenantId, occurrenceId),
    args: [{ tenantId: input.tenantId, campaignId: occurrenceId }],
  });
  return occurrenceId;
}
