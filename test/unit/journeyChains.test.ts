import { JourneyDefinitionSchema } from '../../api/routes/journeys/schema';
import { chainedJourneyOf, type ChainLink } from '../../domain/journeys/chains';
import { entryMatches, triggerOf, type RoutedEvent } from '../../domain/journeys/matching';
import { normalizeDefinition } from '../../domain/journeys/normalize';
import type { JourneyDefinition, JourneyEntry } from '../../domain/journeys/types';
import { validateDefinition, type KnownRecords } from '../../domain/journeys/validate';

/**
 * Chained journeys without a database: a herald_event entry on another journey's events names it
 * (required with journey.* types, refused with the others), the named journey must exist and not
 * be this one, no ring of chained entries may lead back to this journey, and the router takes only
 * the named journey's events, with `where` on their data.
 */

const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const C = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const D = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';

const def = (entry: JourneyEntry): JourneyDefinition => ({ entry, start: 'done', nodes: [{ id: 'done', type: 'exit' }] });
const chained = (eventType: 'journey.entered' | 'journey.converted' | 'journey.exited', journeyId?: string): JourneyDefinition =>
  def({ type: 'herald_event', eventType, ...(journeyId ? { journeyId } : {}) });
const known = (links: Record<string, ChainLink>): KnownRecords => ({ segmentIds: new Set(), endpointIds: new Set(), journeys: new Map(Object.entries(links)) });

describe('chained entry validation', () => {
  it('the schema accepts the journey.* types with a journeyId (a UUID) and refuses another id', () => {
    expect(JourneyDefinitionSchema.safeParse(chained('journey.converted', B)).success).toBe(true);
    const bad = JourneyDefinitionSchema.safeParse({
      ...chained('journey.converted'),
      entry: { type: 'herald_event', eventType: 'journey.converted', journeyId: 'B' },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['entry.journeyId']);
  });

  it('journeyId is required with the journey.* types and refused with the others, at entry.journeyId', () => {
    for (const type of ['journey.entered', 'journey.converted', 'journey.exited'] as const) {
      expect(validateDefinition(chained(type))).toEqual([
        { path: 'entry.journeyId', message: `${type} needs the journeyId of the journey whose events start runs` },
      ]);
    }
    expect(validateDefinition(def({ type: 'herald_event', eventType: 'order.created', journeyId: B }))).toEqual([
      { path: 'entry.journeyId', message: 'applies to journey.entered, journey.converted and journey.exited entries only' },
    ]);
    expect(validateDefinition(def({ type: 'herald_event', eventType: 'order.created' }))).toEqual([]);
    expect(chainedJourneyOf(def({ type: 'herald_event', eventType: 'order.created', journeyId: B }))).toBeUndefined();
    expect(chainedJourneyOf(chained('journey.exited', B))).toBe(B);
  });

  it('the named journey must exist in the tenant and not be this journey', () => {
    expect(validateDefinition(chained('journey.entered', B), known({}), A)).toEqual([{ path: 'entry.journeyId', message: 'no such journey in this tenant' }]);
    expect(validateDefinition(chained('journey.entered', A), known({ [A]: { name: 'A', entersOn: null } }), A)).toEqual([
      { path: 'entry.journeyId', message: 'a journey cannot enter on its own events' },
    ]);
    expect(validateDefinition(chained('journey.entered', B), known({ [B]: { name: 'B', entersOn: null } }), A)).toEqual([]);
  });

  it('refuses a chain that leads back to this journey, naming the ring; a chain that ends or rings elsewhere is fine', () => {
    const two = validateDefinition(chained('journey.converted', B), known({ [B]: { name: 'Beta', entersOn: A }, [A]: { name: 'Alpha', entersOn: null } }), A);
    expect(two).toEqual([
      {
        path: 'entry.journeyId',
        message: `would close a cycle of chained journeys: "Alpha" (${A}) enters on "Beta" (${B})'s events, "Beta" (${B}) enters on "Alpha" (${A})'s events; each entry would start the next without end`,
      },
    ]);
    const links = { [B]: { name: 'B', entersOn: C }, [C]: { name: 'C', entersOn: D }, [D]: { name: 'D', entersOn: A }, [A]: { name: 'A', entersOn: B } };
    const [three] = validateDefinition(chained('journey.exited', B), known(links), A);
    expect(three?.message).toContain(`"A" (${A}) enters on "B" (${B})'s events, "B" (${B}) enters on "C" (${C})'s events`);
    expect(three?.message).toContain(`"D" (${D}) enters on "A" (${A})'s events`);
    // A chain that ends (D enters on nothing), and one that rings between B and C without A.
    expect(validateDefinition(chained('journey.exited', B), known({ ...links, [D]: { name: 'D', entersOn: null } }), A)).toEqual([]);
    expect(validateDefinition(chained('journey.exited', B), known({ [B]: { name: 'B', entersOn: C }, [C]: { name: 'C', entersOn: B } }), A)).toEqual([]);
  });

  it('a where on the event data is normalised like any Herald event entry', () => {
    const d = def({
      type: 'herald_event',
      eventType: 'journey.exited',
      journeyId: B,
      where: { all: [{ property: 'reason', operator: 'equal', value: 'exit_rule' }] } as never,
    });
    const entry = normalizeDefinition(d).entry;
    expect(entry).toMatchObject({ journeyId: B, where: { kind: 'property', property: 'reason', type: 'string', operator: 'equal', value: 'exit_rule' } });
  });
});

describe('chained entry matching', () => {
  const event = (type: string, data: Record<string, unknown>): RoutedEvent => ({
    seq: 1,
    id: '00000000-0000-4000-8000-000000000001',
    tenantId: 't',
    type,
    customerId: 'c',
    createdAt: new Date('2026-01-01T00:00:00Z'),
    data,
  });
  const exitedOf = (journeyId: string, reason: string) =>
    event('journey.exited', { journeyId, journeyName: 'Cart', version: 1, runId: 'r', customerId: 'c', reason });

  it("takes only the named journey's events of the entry's type", () => {
    const entry = chained('journey.converted', B).entry;
    expect(entryMatches(entry, event('journey.converted', { journeyId: B, customerId: 'c' }))).toBe(true);
    expect(entryMatches(entry, event('journey.converted', { journeyId: C, customerId: 'c' }))).toBe(false);
    expect(entryMatches(entry, event('journey.entered', { journeyId: B, customerId: 'c' }))).toBe(false);
    expect(entryMatches(entry, event('journey.converted', { customerId: 'c' }))).toBe(false);
    // An entry without its journeyId (it cannot be published) takes nothing.
    expect(entryMatches(chained('journey.converted').entry, event('journey.converted', { customerId: 'c' }))).toBe(false);
  });

  it("applies where to the event's data, and the trigger keeps the data as its properties", () => {
    const entry = normalizeDefinition(
      def({
        type: 'herald_event',
        eventType: 'journey.exited',
        journeyId: B,
        where: { all: [{ property: 'reason', operator: 'equal', value: 'exit_rule' }] } as never,
      }),
    ).entry;
    expect(entryMatches(entry, exitedOf(B, 'exit_rule'))).toBe(true);
    expect(entryMatches(entry, exitedOf(B, 'converted'))).toBe(false);
    expect(entryMatches(entry, exitedOf(C, 'exit_rule'))).toBe(false);
    const ev = exitedOf(B, 'exit_rule');
    expect(triggerOf(entry, ev)).toEqual({
      kind: 'herald_event',
      eventId: ev.id,
      name: 'journey.exited',
      properties: ev.data,
      occurredAt: '2026-01-01T00:00:00.000Z',
    });
  });
});
