import { proxyActivities } from '@temporalio/workflow';
import type * as activities from '../activities';

const { sendUserEmail } = proxyActivities<ReturnType<typeof activities.createActivities>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

/** The workflow id of one token's e-mail: one per token, so a repeated start sends nothing twice. */
export const userEmailWorkflowId = (tokenId: string) => `user-email-${tokenId}`;

/**
 * Sends the e-mail of an invitation or a password reset through the worker's e-mail transport.
 * Its input is the token's id only: the activity rebuilds the link from it, so no secret is
 * written into the workflow's history.
 */
export async function userEmailWorkflow(tokenId: string): Promise<string> {
  return sendUserEmail(tokenId);
}
