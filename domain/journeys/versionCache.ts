import type { Knex } from 'knex';
import type { RunnerVersion } from './runnerTypes';
import type { JourneyDefinition } from './types';

/**
 * Published versions as the runner and the router read them, cached for the worker's life: a
 * version never changes once runs point at it, so each is read once per worker however many runs
 * or events it has.
 */
export function createVersionCache(db: Knex, size = 1000) {
  const versions = new Map<string, Promise<RunnerVersion | undefined>>();

  async function load(id: string): Promise<RunnerVersion | undefined> {
    const row = await db('journey_versions').where({ id }).first('id', 'journey_id', 'version', 'definition', 'send_campaigns');
    if (!row) return undefined;
    const definition = row.definition as JourneyDefinition;
    return {
      id: row.id,
      journeyId: row.journey_id,
      version: row.version,
      definition,
      nodes: new Map(definition.nodes.map((n) => [n.id, n])),
      sendCampaigns: (row.send_campaigns ?? {}) as Record<string, string>,
    };
  }

  /** The version with this id (undefined when there is none). */
  function get(id: string): Promise<RunnerVersion | undefined> {
    let entry = versions.get(id);
    if (!entry) {
      if (versions.size >= size) versions.delete(versions.keys().next().value as string);
      entry = load(id);
      versions.set(id, entry);
      entry.then(
        (v) => (v ? undefined : versions.delete(id)),
        () => versions.delete(id),
      );
    }
    return entry;
  }

  return {
    get,
    /** The versions with these ids, by id (unknown ids are absent). */
    async load(ids: Iterable<string>): Promise<Map<string, RunnerVersion>> {
      const found = new Map<string, RunnerVersion>();
      for (const v of await Promise.all([...new Set(ids)].map(get))) if (v) found.set(v.id, v);
      return found;
    },
  };
}

/** A worker's version cache. */
export type VersionCache = ReturnType<typeof createVersionCache>;
