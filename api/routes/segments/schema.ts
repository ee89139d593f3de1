import { PageQuery, PaginationView } from '../../pagination';
import { z } from 'zod';
import { text } from '../../text';

const RULE = { $ref: '#/components/schemas/SegmentRule' };
const group = (key: string) => ({ required: [key], properties: { [key]: { type: 'array', minItems: 1, items: RULE } } });

/**
 * A rule in either accepted format, as a recursive schema: a condition (`{ fact, operator, value,
 * path? }` or seed 003's `{ field, operator, value }`), a group (`all`/`any` of rules, `not` of a
 * rule, or seed 003's `{ logic, rules }`), an event condition (`{ event, where?, count?, within? |
 * between? }`, issue 16), or a stored rule's normalised form (`kind`). Which
 * fields, operators and values go together is checked by the rule language (422 with paths).
 */
export const Rules = z.record(z.string(), z.unknown()).meta({
  id: 'SegmentRule',
  description:
    "json-rules-engine conditions ({ all | any | not }) or seed 003's { logic: 'AND' | 'OR', rules: [...] } tree; fields are listed by GET /segments/fields",
  anyOf: [
    {
      title: 'Condition',
      required: ['operator'],
      anyOf: [{ required: ['fact'] }, { required: ['field'] }],
      properties: { fact: { type: 'string' }, field: { type: 'string' }, operator: { type: 'string' }, value: {}, path: { type: 'string' } },
    },
    {
      title: 'Event condition',
      description:
        "Performed `event` (where its properties match) at least / at most / exactly N times (count: { gte | lte | eq: N }), within a duration ('30d', '12h', '2w') or between two dates; seed 003 trees add type: 'event'",
      required: ['event'],
      properties: {
        event: { type: 'string' },
        where: {},
        count: { type: 'object' },
        within: { type: ['string', 'number'] },
        between: { type: 'array', items: { type: 'string' } },
        type: { type: 'string', enum: ['event'] },
      },
    },
    { title: 'All', ...group('all') },
    { title: 'Any', ...group('any') },
    { title: 'Not', required: ['not'], properties: { not: RULE } },
    {
      title: 'Seed 003 group',
      required: ['logic', 'rules'],
      properties: { logic: { type: 'string', pattern: '^([Aa][Nn][Dd]|[Oo][Rr])$' }, rules: { type: 'array', minItems: 1, items: RULE } },
    },
    { title: 'Normalised', required: ['kind'], properties: { kind: { type: 'string' } } },
  ],
} as never);

/** Body of POST /segments (seed 003's body works as written). */
export const CreateSegment = z
  .object({ name: text({ min: 1, max: 200 }), description: text({ max: 2000 }).nullish(), rules: Rules })
  .strict()
  .meta({ id: 'CreateSegment' });

/** Body of PUT/PATCH /segments/:id. */
export const UpdateSegment = z
  .object({ name: text({ min: 1, max: 200 }).optional(), description: text({ max: 2000 }).nullish(), rules: Rules.optional() })
  .strict()
  .meta({ id: 'UpdateSegment' });

/** Body of POST /segments/preview. */
export const PreviewSegment = z
  .object({ rules: Rules, limit: z.number().int().min(0).max(100).default(50) })
  .strict()
  .meta({ id: 'PreviewSegment' });

/** Body of POST /ai/segment-suggestions. */
export const SuggestSegments = z
  .object({ query: text({ min: 3, max: 500 }) })
  .strict()
  .meta({ id: 'SuggestSegments' });

/** Path parameter naming one segment. */
export const SegmentParams = z.object({ id: z.uuid('must be a segment id (UUID)') });

/** A segment as returned. */
export const SegmentView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    rules: z.unknown(),
    timeRelative: z.boolean(),
    memberCount: z.number().int(),
    refreshedAt: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Segment' });

/** Query of GET /segments: the shared paging parameters. */
export const SegmentListQuery = z.object(PageQuery);

/** A page of segments. */
export const SegmentListResponse = z.object({ data: z.array(SegmentView), pagination: PaginationView }).meta({ id: 'SegmentList' });
