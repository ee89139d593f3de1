import type { Knex } from 'knex';

/**
 * Records every segment's member count for the current UTC day (one statement across tenants).
 * Run daily by the segment-size schedule; a second run the same day overwrites that day's row
 * with the newer count, so a retried or repeated run is harmless. Returns the rows written.
 */
export async function snapshotSegmentSizes(db: Knex, now: Date): Promise<number> {
  const result = await db.raw<{ rowCount: number }>(
    `INSERT INTO segment_size_snapshots (tenant_id, segment_id, day, members, taken_at)
     SELECT tenant_id, id, (?::timestamptz AT TIME ZONE 'UTC')::date, member_count, ?::timestamptz FROM segments
     ON CONFLICT (segment_id, day) DO UPDATE SET members = excluded.members, taken_at = excluded.taken_at`,
    [now, now],
  );
  return result.rowCount;
}
