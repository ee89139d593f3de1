import type { Knex } from 'knex';
import { notFound } from '../../lib/errors';
import { findCustomer } from '../customers/repo';

/** One segment a customer belongs to now: the segment and when the customer entered it. */
export interface CustomerSegmentMembership {
  segmentId: string;
  name: string;
  description: string | null;
  memberCount: number;
  enteredAt: string;
}

/**
 * Reads of one customer's segment memberships (the console's customer page). The membership
 * table is what segment.entered / segment.exited events follow: a customer is a member from
 * its entry until its exit, kept current by the real-time re-evaluation and the scheduled refresh.
 */
export function createSegmentMembershipQueries(deps: { db: Knex }) {
  const { db } = deps;

  /** The segments a live customer is in now, by segment name; 404 for an unknown customer. */
  async function currentForCustomer(tenantId: string, customerId: string): Promise<CustomerSegmentMembership[]> {
    if (!(await findCustomer(db, tenantId, customerId))) throw notFound('Customer');
    const rows: Array<{ id: string; name: string; description: string | null; member_count: number; entered_at: Date }> = await db('segment_memberships as m')
      .join('segments as s', 's.id', 'm.segment_id')
      .where({ 'm.tenant_id': tenantId, 'm.customer_id': customerId, 's.tenant_id': tenantId })
      .whereNull('m.exited_at')
      .orderBy([{ column: 's.name' }, { column: 's.id' }])
      .select('s.id', 's.name', 's.description', 's.member_count', 'm.entered_at');
    return rows.map((r) => ({ segmentId: r.id, name: r.name, description: r.description, memberCount: r.member_count, enteredAt: r.entered_at.toISOString() }));
  }

  return { currentForCustomer };
}

/** The membership reads' interface. */
export type SegmentMembershipQueries = ReturnType<typeof createSegmentMembershipQueries>;
