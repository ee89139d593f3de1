import type { Knex } from 'knex';

/**
 * The database readings behind Herald's gauges (telemetry/databaseGauges.ts): each one query that
 * stays cheap as the tables grow (a partial index, a small queue or a bounded group), read at
 * scrape time by the worker process. Read-only: this folder writes no table.
 */

/** How many series a per-endpoint or per-node gauge exports at most (the largest ones). */
export const TOP_SERIES = 50;

/** The relay's backlog: events committed but not fanned out yet, and how old the oldest is. */
export async function outboxBacklog(db: Knex): Promise<{ unrelayed: number; oldestAgeSeconds: number }> {
  const { rows } = await db.raw(
    `SELECT (SELECT count(*) FROM event_relay_queue)::int AS unrelayed,
            coalesce((SELECT extract(epoch FROM now() - e.created_at) FROM event_relay_queue q JOIN events e ON e.seq = q.seq
                       ORDER BY q.seq LIMIT 1), 0)::float8 AS oldest`,
  );
  return { unrelayed: rows[0].unrelayed, oldestAgeSeconds: Math.max(0, rows[0].oldest) };
}

/** Pending webhook deliveries of the endpoints with the most (the due index covers pending rows only). */
export async function webhookBacklog(db: Knex): Promise<Array<{ endpointId: string; pending: number }>> {
  const { rows } = await db.raw(
    `SELECT endpoint_id AS "endpointId", count(*)::int AS pending FROM webhook_deliveries
      WHERE status = 'pending' GROUP BY endpoint_id ORDER BY pending DESC LIMIT ?`,
    [TOP_SERIES],
  );
  return rows;
}

/** Journey runs by state, and the active ones on the busiest (journey, node) pairs. */
export async function journeyRunCounts(db: Knex): Promise<{
  byState: Array<{ state: string; runs: number }>;
  activeByNode: Array<{ journeyId: string; nodeId: string; runs: number }>;
}> {
  const [byState, activeByNode] = await Promise.all([
    db.raw(`SELECT state, count(*)::int AS runs FROM journey_runs GROUP BY state`),
    db.raw(
      `SELECT journey_id AS "journeyId", node_id AS "nodeId", count(*)::int AS runs FROM journey_runs
        WHERE state = 'active' GROUP BY journey_id, node_id ORDER BY runs DESC LIMIT ?`,
      [TOP_SERIES],
    ),
  ]);
  return { byState: byState.rows, activeByNode: activeByNode.rows };
}
