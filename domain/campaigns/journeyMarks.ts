import type { Knex } from 'knex';

/**
 * What became of journey messages after they were sent, read from their ledger rows
 * (`campaign_recipients` by `journey_step_id`): the marks the feedback code sets (delivery from
 * Twilio's status callback, opens and clicks from the tracking links). The journey runner's
 * branch reads them to branch on the run's own message engagement.
 */

/** One journey message's ledger row and its marks. */
export interface JourneyMessageMarks {
  stepId: string;
  ledgerId: string;
  state: string;
  deliveredAt: Date | null;
  openedAt: Date | null;
  clickedAt: Date | null;
}

/** The ledger rows of these journey steps (steps without a message have none), one index probe each. */
export async function journeyMessageMarks(db: Knex, tenantId: string, stepIds: string[]): Promise<JourneyMessageMarks[]> {
  if (!stepIds.length) return [];
  return db('campaign_recipients').where({ tenant_id: tenantId }).whereIn('journey_step_id', stepIds).select({
    stepId: 'journey_step_id',
    ledgerId: 'id',
    state: 'state',
    deliveredAt: 'delivered_at',
    openedAt: 'opened_at',
    clickedAt: 'clicked_at',
  });
}

/** Whether a message has the mark: a click implies an open, and an open or a click implies delivery. */
export function hasMark(marks: Pick<JourneyMessageMarks, 'deliveredAt' | 'openedAt' | 'clickedAt'>, mark: 'delivered' | 'opened' | 'clicked'): boolean {
  if (mark === 'clicked') return marks.clickedAt !== null;
  if (mark === 'opened') return marks.openedAt !== null || marks.clickedAt !== null;
  return marks.deliveredAt !== null || marks.openedAt !== null || marks.clickedAt !== null;
}
