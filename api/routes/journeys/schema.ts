import { z } from 'zod';
import { DURATION_PATTERN } from '../../../domain/journeys/durations';
import type { JourneyDefinition, PropertyConditions } from '../../../domain/journeys/types';
import { HERALD_ENTRY_EVENTS, LAYOUT_ENTRY_KEY, MESSAGE_MARKS } from '../../../domain/journeys/types';
import type { RuleNode } from '../../../rules/ast';
import { text } from '../../text';
import { Rules } from '../segments/schema';
import { SetCustomerFields } from './customerFields';

const NODE_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A node id: `[A-Za-z0-9_-]{1,64}`, unique within the definition. */
const NodeId = z.string().regex(NODE_ID, 'must be 1 to 64 letters, digits, _ or -').meta({ description: 'A node id (unique within the journey)' });
const duration = (description: string) =>
  z
    .string()
    .regex(/^\d{1,6}[smhdw]$/, 'must be a duration like "30m", "4h" or "2d"')
    .meta({ description: `${description}: a whole number and s, m, h, d or w (at most 366 days)` });
const EventName = text({ min: 1, max: 200 }).meta({ description: 'A tracked event name (POST /track)' });
/** A property of an event (dots reach into nested objects: `cart.total`), as custom field keys are written. */
const PropertyPath = z.string().regex(/^[\w.-]{1,100}$/, 'must be 1 to 100 letters, digits, _, . or -');
const Label = text({ max: 200 }).optional().meta({ description: 'A label for people' });
/** Ties an event to the run's trigger: its `property` must equal the trigger's `triggerProperty` (default the same name). */
const TriggerMatch = z.object({ property: PropertyPath, triggerProperty: PropertyPath.optional() }).strict();

const CONDITION = { $ref: '#/components/schemas/PropertyConditions' };
const group = (key: string) => ({ required: [key], properties: { [key]: { type: 'array', minItems: 1, items: CONDITION } } });

/**
 * Conditions on one event's properties (or a Herald event's `data`): the `where` of an event
 * condition in a segment rule, in either format or the stored form. Which operators and values go
 * with which property types is checked by the rule language (422 with paths into the journey);
 * stored normalised.
 */
const Where = z.record(z.string(), z.unknown()).meta({
  id: 'PropertyConditions',
  description:
    "Property conditions: { property, operator, value, type? } (type string, number or boolean; inferred from the value), grouped with { all | any | not } or seed 003's { logic, rules }",
  anyOf: [
    {
      title: 'Property condition',
      required: ['property', 'operator'],
      properties: { property: { type: 'string' }, operator: { type: 'string' }, value: {}, type: { type: 'string' } },
    },
    { title: 'All', ...group('all') },
    { title: 'Any', ...group('any') },
    { title: 'Not', required: ['not'], properties: { not: CONDITION } },
    {
      title: 'Seed 003 group',
      required: ['logic', 'rules'],
      properties: { logic: { type: 'string', pattern: '^([Aa][Nn][Dd]|[Oo][Rr])$' }, rules: { type: 'array', minItems: 1, items: CONDITION } },
    },
    { title: 'Normalised', required: ['kind'], properties: { kind: { type: 'string' } } },
  ],
} as never) as unknown as z.ZodType<PropertyConditions, Record<string, unknown>>;
/** A branch's segment rule (either format, checked by the rule language). */
const BranchRule = Rules as unknown as z.ZodType<RuleNode | Record<string, unknown>, Record<string, unknown>>;

const base = { id: NodeId, name: Label };
const next = NodeId.optional().meta({ description: 'The node that follows; absent, the run completes here' });

const Delay = z.object({ ...base, type: z.literal('delay'), duration: duration('How long to wait'), next }).strict();
const WaitUntil = z
  .object({
    ...base,
    type: z.literal('wait_until'),
    timeOfDay: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24 h)')
      .optional()
      .meta({ description: "HH:MM in the customer's timezone (else the tenant's)" }),
    weekdays: z
      .array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']))
      .min(1)
      .max(7)
      .optional(),
    date: z
      .object({
        field: z
          .string()
          .regex(/^(customer|event)\.[\w.-]{1,200}$/, 'must be customer.<field>, customer.customFields.<key> or event.<property>')
          .meta({ description: 'customer.<date field>, customer.customFields.<key> or event.<property path>' }),
        offset: z
          .string()
          .regex(DURATION_PATTERN, 'must be a duration like "-3d" or "2h"')
          .optional()
          .meta({ description: 'Moves the date: "-3d" is three days before' }),
      })
      .strict()
      .optional(),
    next,
  })
  .strict();
const WaitForEvent = z
  .object({
    ...base,
    type: z.literal('wait_for_event'),
    event: EventName,
    where: Where.optional(),
    match: TriggerMatch.optional().meta({ description: "The waited event's property must equal the trigger's triggerProperty (default the same name)" }),
    timeout: duration('How long to wait before taking timeoutNext').optional(),
    next,
    timeoutNext: NodeId.optional(),
  })
  .strict();
/** A branch condition on the run's own message: the latest one from a send node of this journey has a mark on its ledger row. */
const MessageCondition = z
  .object({
    node: NodeId.meta({ description: 'A send node of this journey' }),
    status: z.enum(MESSAGE_MARKS).meta({ description: 'delivered (an open or click implies it), opened (a click implies it) or clicked' }),
  })
  .strict()
  .meta({ description: "Holds when the run's latest message from `node` has this mark (its campaign_recipients row)" });
const Branch = z
  .object({
    ...base,
    type: z.literal('branch'),
    branches: z
      .array(z.object({ name: Label, rule: BranchRule.optional(), where: Where.optional(), message: MessageCondition.optional(), next }).strict())
      .min(1)
      .max(20),
    else: NodeId.optional(),
  })
  .strict();
const RandomSplit = z
  .object({
    ...base,
    type: z.literal('random_split'),
    paths: z
      .array(z.object({ name: Label, weight: z.number().positive().max(1_000_000), next }).strict())
      .min(1)
      .max(20),
  })
  .strict();
const Send = z
  .object({
    ...base,
    type: z.literal('send'),
    channel: z.enum(['email', 'sms']),
    subject: text({ max: 998, trim: false }).optional().meta({ description: 'Liquid; required for email' }),
    body: text({ min: 1, max: 100_000, trim: false }).meta({ description: 'Liquid: sees customer, event (the trigger’s properties) and journey' }),
    respectQuietHours: z.boolean().optional(),
    frequencyCap: z
      .object({
        max: z.number().int().min(1).max(10_000),
        periodHours: z
          .number()
          .positive()
          .max(24 * 90),
      })
      .strict()
      .optional(),
    next,
  })
  .strict();
const Webhook = z
  .object({ ...base, type: z.literal('webhook'), endpointId: z.uuid().meta({ description: 'A webhook endpoint of this tenant' }), next })
  .strict();
const Tags = z.array(text({ min: 1, max: 50 })).max(100);
const UpdateCustomer = z
  .object({ ...base, type: z.literal('update_customer'), addTags: Tags.optional(), removeTags: Tags.optional(), set: SetCustomerFields.optional(), next })
  .strict();
const Exit = z.object({ ...base, type: z.literal('exit') }).strict();

/** Any node, by its `type`. */
const JourneyNodeSchema = z.discriminatedUnion('type', [Delay, WaitUntil, WaitForEvent, Branch, RandomSplit, Send, Webhook, UpdateCustomer, Exit]);

const Policy = z
  .object({
    mode: z.enum(['once', 'one_at_a_time', 'every_time']),
    cooldown: duration('every_time: no sooner than this after the last entry').optional(),
    maxEntries: z.number().int().min(1).max(1_000_000).optional(),
    key: PropertyPath.optional().meta({ description: 'Event entries: one open run per value of this trigger property' }),
  })
  .strict();
const Entry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('event'), event: EventName, where: Where.optional(), policy: Policy.optional() }).strict(),
  z
    .object({
      type: z.literal('herald_event'),
      eventType: z.enum(HERALD_ENTRY_EVENTS),
      journeyId: z.uuid().optional().meta({
        description:
          'journey.entered, journey.converted, journey.exited only (required with them): another journey of this tenant whose events start runs; no chain of such entries may lead back to this journey',
      }),
      where: Where.optional(),
      policy: Policy.optional(),
    })
    .strict(),
  z.object({ type: z.literal('segment'), segmentId: z.uuid(), policy: Policy.optional() }).strict(),
]);
const EventMatch = z
  .object({
    event: EventName,
    where: Where.optional(),
    match: TriggerMatch.optional().meta({
      description: "Only the run's own: the event's property must equal the trigger's triggerProperty (default the same name), e.g. the same cartId",
    }),
  })
  .strict();
const Goal = z
  .object({
    event: EventMatch.optional(),
    segmentId: z.uuid().optional(),
    within: duration('The window after entry'),
    exitOnConversion: z.boolean().optional(),
  })
  .strict();
const ExitRule = z.union([z.object({ event: EventMatch }).strict(), z.object({ leftSegment: z.uuid() }).strict()]);

/** Farthest a card may sit from the canvas origin, either way (canvas units). */
const CANVAS_EXTENT = 1_000_000;
const coordinate = z.number().min(-CANVAS_EXTENT).max(CANVAS_EXTENT);
/** The most nodes a definition holds; a layout holds one more place, the entry's. */
const MAX_NODES = 200;
/** A layout key: a node id, or the entry card's `$entry` (LAYOUT_ENTRY_KEY). */
const LAYOUT_KEY = /^(\$entry|[A-Za-z0-9_-]{1,64})$/;
/** Where the console's canvas draws each card; keys that are not nodes of the definition are a 422 (domain/journeys/layout.ts). */
const Layout = z
  .record(z.string().regex(LAYOUT_KEY, 'must be a node id or $entry'), z.object({ x: coordinate, y: coordinate }).strict())
  .refine((places) => Object.keys(places).length <= MAX_NODES + 1, `must hold at most ${MAX_NODES + 1} places`)
  .meta({
    id: 'JourneyLayout',
    description: `Canvas positions for people: node id (or "${LAYOUT_ENTRY_KEY}" for the entry card) → { x, y } in canvas units, each within ±${CANVAS_EXTENT}. Only ids of the journey's nodes; ignored when runs execute.`,
    maxProperties: MAX_NODES + 1,
    propertyNames: { pattern: LAYOUT_KEY.source },
  } as never);

/** The definition's fields: the graph a draft holds and a version freezes. */
const definitionShape = {
  entry: Entry,
  start: NodeId.meta({ description: 'The id of the first node' }),
  nodes: z.array(JourneyNodeSchema).max(MAX_NODES),
  goal: Goal.optional(),
  exitRules: z.array(ExitRule).max(20).optional(),
  layout: Layout.optional(),
};

/** A journey definition (domain/journeys/types.ts), as stored in `draft` and in each version. */
export const JourneyDefinitionSchema = z.object(definitionShape).strict().meta({ id: 'JourneyDefinition' });

/** The schema's output is exactly the domain's JourneyDefinition (a compile error otherwise). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const definitionMatchesTypes: Same<z.output<typeof JourneyDefinitionSchema>, JourneyDefinition> = true;
void definitionMatchesTypes;

/** Body of POST /journeys and PUT /journeys/:id: name, description and the draft's definition. */
export const JourneyBody = z
  .object({ name: text({ min: 1, max: 200 }), description: text({ max: 2000 }).nullish(), ...definitionShape })
  .strict()
  .meta({ id: 'JourneyInput' });

/** Path parameter naming one journey. */
export const JourneyParams = z.object({ id: z.uuid('must be a journey id (UUID)') });
/** Path parameters naming one version of a journey. */
export const JourneyVersionParams = z.object({ id: z.uuid('must be a journey id (UUID)'), version: z.coerce.number().int().min(1).max(2_147_483_647) });

/** Body of POST /journeys/:id/publish. */
export const PublishBody = z
  .object({
    migrate: z
      .object({
        map: z.record(NodeId, NodeId).meta({
          description: 'Old node id → new node id, or "exit" to end the run; nodes the new version keeps map to themselves',
          propertyNames: { pattern: NODE_ID.source },
        } as never),
      })
      .strict()
      .optional(),
  })
  .strict();
/** Body of POST /journeys/:id/resume. */
export const ResumeBody = z
  .object({
    timers: z
      .enum(['fire', 'reschedule'])
      .default('fire')
      .meta({ description: 'fire: timers that expired while paused fire at once; reschedule: they move later by the paused time' }),
  })
  .strict();

const Problem = z.object({ path: z.string(), message: z.string() });

/** A journey as returned. */
export const JourneyView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    status: z.enum(['draft', 'active', 'paused', 'archived']),
    draft: JourneyDefinitionSchema,
    problems: z.array(Problem).meta({ description: 'What keeps the draft from publishing (graph, templates, references); empty when it can be published' }),
    currentVersion: z.number().int().nullable(),
    currentVersionId: z.uuid().nullable(),
    pausedAt: z.string().nullable(),
    archivedAt: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Journey' });

/** A journey in the list: the journey and how many runs it has had and has open, over all its versions. */
export const JourneyListItemView = JourneyView.extend({
  runs: z
    .object({
      entered: z.number().int().min(0).meta({ description: 'Runs ever started, on any version' }),
      active: z.number().int().min(0).meta({ description: 'Runs open now (waiting or due), on any version' }),
    })
    .meta({ description: 'Counted in one query for the whole page' }),
}).meta({ id: 'JourneySummary' });

/** A published version as returned. */
export const JourneyVersionView = z
  .object({
    id: z.uuid(),
    journeyId: z.uuid(),
    version: z.number().int(),
    definition: JourneyDefinitionSchema,
    sendCampaigns: z.record(z.string(), z.uuid()),
    migration: z.object({ map: z.record(z.string(), z.string()) }).nullable(),
    publishedBy: z.string().nullable(),
    publishedAt: z.string(),
  })
  .meta({ id: 'JourneyVersion' });
