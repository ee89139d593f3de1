import { z } from 'zod';
import { DEDUPE_KEYS, DUPLICATE_MODES, type ImportOptions } from './types';

/** A boolean, or its spelling in a query string or form field (true/false, 1/0, yes/no). */
const bool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])])
  .transform((v) => (typeof v === 'boolean' ? v : ['true', '1', 'yes'].includes(v)));
/** Accepts `email,phone` or an array. */
const keyList = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : v,
  z.array(z.enum(DEDUPE_KEYS)).min(1, 'name at least one of email, phone, externalId'),
);
/** Accepts a JSON object string (query strings and form fields) or an object. */
const mapping = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v;
    }
  },
  z.record(z.string().max(200), z.string().max(100)),
);

/**
 * Import options as clients send them (query string, multipart fields or a JSON body's
 * `options`), with their defaults. Parsed once at upload and stored with the import.
 */
export const ImportOptionsInput = z
  .object({
    duplicateMode: z.enum(DUPLICATE_MODES).default('skip'),
    dedupeKeys: keyList.default(['email', 'phone', 'externalId']),
    defaultRegion: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code such as US')
      .optional(),
    dryRun: bool.default(false),
    emitCustomerEvents: bool.default(false),
    mapping: mapping.default({}),
    unknownColumnsToCustomFields: bool.default(true),
  })
  .strict()
  .meta({ id: 'ImportOptions' });

/** Options as given by a client. */
export type ImportOptionsInput = z.input<typeof ImportOptionsInput>;

/** Completes parsed options with the tenant's default phone region. */
export const withDefaults = (parsed: z.output<typeof ImportOptionsInput>, defaultRegion: string): ImportOptions => ({
  ...parsed,
  defaultRegion: parsed.defaultRegion ?? defaultRegion,
});
