import { PageQuery, PaginationView } from '../../pagination';
import { z } from 'zod';
import { text } from '../../text';

/** Rules in either accepted format; parsed and validated by the rule language (422 with paths). */
const Rules = z.record(z.string(), z.unknown()).meta({
  description: "json-rules-engine conditions ({ all | any | not }) or seed 003's { logic: 'AND' | 'OR', rules: [...] } tree",
});

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
export const PreviewSegment = z.object({ rules: Rules, limit: z.number().int().min(0).max(100).default(50) }).strict().meta({ id: 'PreviewSegment' });

/** Body of POST /ai/segment-suggestions. */
export const SuggestSegments = z.object({ query: text({ min: 3, max: 500 }) }).strict().meta({ id: 'SuggestSegments' });

/** Path parameter naming one segment. */
export const SegmentParams = z.object({ id: z.uuid('must be a segment id (UUID)') });

/** A segment as returned. */
export const SegmentView = z
  .object({
    id: z.uuid(), name: z.string(), description: z.string().nullable(), rules: z.unknown(),
    timeRelative: z.boolean(), memberCount: z.number().int(), refreshedAt: z.string().nullable(),
    createdBy: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
  })
  .meta({ id: 'Segment' });

/** Query of GET /segments: the shared paging parameters. */
export const SegmentListQuery = z.object(PageQuery);

/** A page of segments. */
export const SegmentListResponse = z.object({ data: z.array(SegmentView), pagination: PaginationView }).meta({ id: 'SegmentList' });
