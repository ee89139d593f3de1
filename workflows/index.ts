/**
 * The worker's workflowsPath: every workflow Herald runs is re-exported here and nowhere else
 * is bundled into the workflow sandbox.
 */
export { refreshDueSegmentsWorkflow, refreshSegmentWorkflow } from './segmentRefresh';
export { tenantSummaryWorkflow } from './tenantSummary';
export { importCustomersWorkflow } from './importCustomers';
export { campaignSendWorkflow } from './campaignSend';
export { campaignOccurrenceWorkflow } from './campaignOccurrence';
export { campaignTestSendWorkflow } from './campaignTestSend';
export { conversationReplyWorkflow } from './conversationReply';
export { conversationReplySweepWorkflow } from './conversationReplySweep';
export { conversationInboundWorkflow } from './conversationInbound';
export { webhookDispatcherWorkflow } from './webhookDispatcher';
export { webhookRelayWorkflow } from './webhookRelay';
export { webhookReplayWorkflow } from './webhookReplay';
export { customerEventPartitionsWorkflow } from './customerEventPartitions';
export { journeyRouterWorkflow } from './journeyRouter';
export { journeyRunnerWorkflow } from './journeyRunner';
export { analyticsRollupWorkflow, segmentSizeSnapshotWorkflow } from './analytics';
export { userEmailWorkflow } from './userEmail';
