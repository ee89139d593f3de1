import { Context } from '@temporalio/activity';
import type { Knex } from 'knex';
import { createInboundProcessor } from '../domain/conversations/inboundProcessor';
import type { Logger } from '../lib/logger';

/**
 * The inbound processor's activity: one run of the worker's processor
 * (domain/conversations/inboundProcessor.ts), heartbeating how many queued messages it applied.
 * A run cancelled by Temporal ends as cancelled (the pass in flight rolls back; its rows stay queued).
 */
export function createConversationInboundActivities(deps: { db: Knex; logger: Logger }) {
  const processor = createInboundProcessor(deps);
  return {
    async processConversationInbound(): Promise<{ applied: number }> {
      const ctx = Context.current();
      const result = await processor.processInbound({ signal: ctx.cancellationSignal, heartbeat: (applied) => ctx.heartbeat(applied) });
      if (ctx.cancellationSignal.aborted) await ctx.cancelled;
      return result;
    },
  };
}
