import { proxyActivities } from '@temporalio/workflow';
import type * as activities from '../activities';

const { sendTestMessages } = proxyActivities<ReturnType<typeof activities.createActivities>>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 2 },
});

/** Input of a test send: the campaign, the addresses, and the customer whose fields fill the template. */
export interface CampaignTestSendInput {
  tenantId: string;
  campaignId: string;
  addresses: string[];
  customerId: string | null;
}

/** The outcome for one test address. */
export interface TestSendResult {
  address: string;
  ok: boolean;
  providerId?: string;
  error?: string;
}

/** Sends a campaign's message to test addresses through the worker's real transports (no ledger rows). */
export async function campaignTestSendWorkflow(input: CampaignTestSendInput): Promise<TestSendResult[]> {
  return sendTestMessages(input);
}
