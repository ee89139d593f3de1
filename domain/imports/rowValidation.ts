import type { CountryCode } from 'libphonenumber-js';
import { z } from 'zod';
import { AppError } from '../../lib/errors';
import { unsafeInputIssues } from '../../lib/unsafeInput';
import { normaliseFields } from '../customers/normalize';
import { phoneInput } from '../customers/phoneInput';
import { toColumns } from '../customers/rows';
import { SEGMENT_LABELS, SOURCES, STATUSES, TIERS, type CustomerFields } from '../customers/types';
import type { MappedRow } from './columns';
import type { DedupeKey, ImportRowError } from './types';

/** An enum in any letter case ("Active", "VIP"), as the customer API accepts it. */
const looseEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.enum(values));
/** Numbers in JSON (seed 001 sends phones as digits) and CSV cells both arrive as text. */
const asText = (v: unknown) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : v);
const text = (max: number) => z.preprocess(asText, z.string().max(max, `must be at most ${max} characters`));
/** The customer API's phone rule: written as people do, normalised to E.164 and checked by normaliseFields. */
const phone = z.preprocess(asText, phoneInput());
/** Lists arrive as JSON arrays or as `a;b` / `a,b` / `a|b` text. */
const list = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(/[;,|]/)
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(item).max(max, `at most ${max} entries`),
  );
const flag = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    const s = v.trim().toLowerCase();
    return ['true', 'yes', 'y', '1'].includes(s) ? true : ['false', 'no', 'n', '0'].includes(s) ? false : v;
  },
  z.boolean({ error: 'must be true or false' }),
);

/**
 * One import row after mapping, checked with the rules of the customer API's create body
 * (the same lengths, phone rule and enums), so an imported customer could have been
 * created through POST /customers with the same values.
 */
const FlatRow = z.object({
  firstName: text(100).optional(),
  lastName: text(100).optional(),
  fullName: text(100).optional(),
  email: z.preprocess(asText, z.email('must be a valid email address').max(254)).optional(),
  phone: phone.optional(),
  alternativePhones: list(phone, 10).optional(),
  externalId: text(200).optional(),
  avatar: z.preprocess(asText, z.url('must be a URL').max(2000)).optional(),
  street: text(200).optional(),
  city: text(100).optional(),
  state: text(100).optional(),
  country: text(100).optional(),
  postalCode: text(20).optional(),
  tags: list(z.string().max(50, 'each tag must be at most 50 characters'), 100).optional(),
  status: looseEnum(STATUSES).optional(),
  tier: looseEnum(TIERS).optional(),
  segment: looseEnum(SEGMENT_LABELS).optional(),
  source: looseEnum(SOURCES).optional(),
  language: text(20).optional(),
  timezone: text(60).optional(),
  emailConsent: flag.optional(),
  smsConsent: flag.optional(),
  newsletter: flag.optional(),
  notes: text(5000).optional(),
});
const CustomValues = z.record(
  z.string().max(100, 'custom field names are at most 100 characters'),
  z.preprocess(
    (v) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v)),
    z.string().max(2000, 'custom field values are at most 2000 characters'),
  ),
);

/** A row that passed validation: its customer columns and its dedupe/unique keys. */
export interface ValidRow {
  row: number;
  /** customers columns (snake_case) as the customer API would store them. */
  columns: Record<string, unknown>;
  /** Whether the row named its full name itself (updates recompose it otherwise). */
  fullNameGiven: boolean;
  email: string | null;
  phone: string | null;
  externalId: string | null;
}

/** The outcome of validating one row. */
export type RowCheck = { ok: true; value: ValidRow } | { ok: false; errors: ImportRowError[] };

/** Validates and normalises one mapped row: every problem of the row is reported, not just the first. */
export function validateRow(row: number, mapped: MappedRow, region: CountryCode): RowCheck {
  // What Postgres cannot store (NUL, a lone surrogate, a number beyond double precision) fails the row by name.
  const unsafe = [
    ...unsafeInputIssues(mapped.values, 'row'),
    ...unsafeInputIssues(mapped.custom, 'row').map((i) => ({ ...i, path: `customFields.${i.path}` })),
  ];
  if (unsafe.length) return { ok: false, errors: unsafe.map((i) => ({ row, field: i.path || null, message: i.message })) };
  const parsed = FlatRow.safeParse(mapped.values);
  const custom = CustomValues.safeParse(mapped.custom);
  const errors: ImportRowError[] = [];
  if (!parsed.success) for (const i of parsed.error.issues) errors.push({ row, field: i.path.join('.') || null, message: i.message });
  if (!custom.success) for (const i of custom.error.issues) errors.push({ row, field: `customFields.${i.path.join('.')}`, message: i.message });
  if (!parsed.success || !custom.success) return { ok: false, errors };
  const v = parsed.data;
  if (!(v.email || v.phone || v.fullName || v.firstName || v.lastName || v.externalId)) {
    return { ok: false, errors: [{ row, field: null, message: 'a customer needs at least a name, an email, a phone or an externalId' }] };
  }
  const hasAddress = v.street || v.city || v.state || v.country || v.postalCode;
  const hasPrefs = v.language || v.timezone || v.emailConsent !== undefined || v.smsConsent !== undefined || v.newsletter !== undefined;
  const input: CustomerFields = {
    firstName: v.firstName,
    lastName: v.lastName,
    fullName: v.fullName,
    email: v.email,
    phone: v.phone,
    alternativePhones: v.alternativePhones,
    externalId: v.externalId,
    avatar: v.avatar,
    address: hasAddress ? { street: v.street, city: v.city, state: v.state, country: v.country, postalCode: v.postalCode } : undefined,
    tags: v.tags,
    status: v.status,
    tier: v.tier,
    segment: v.segment,
    source: v.source ?? 'import',
    preferences: hasPrefs ? { language: v.language, timezone: v.timezone, email: v.emailConsent, sms: v.smsConsent, newsletter: v.newsletter } : undefined,
    customFields: Object.keys(custom.data).length ? custom.data : undefined,
    notes: v.notes,
  };
  for (const key of Object.keys(input) as Array<keyof CustomerFields>) if (input[key] === undefined) delete input[key];
  let fields: CustomerFields;
  try {
    fields = normaliseFields(input, region);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const details = (err.details as Array<{ path: string; message: string }> | undefined) ?? [];
    return { ok: false, errors: details.map((d) => ({ row, field: d.path, message: d.message })) };
  }
  const columns = toColumns(fields);
  if (typeof columns.custom_fields === 'string') columns.custom_fields = JSON.parse(columns.custom_fields);
  return {
    ok: true,
    value: {
      row,
      columns,
      fullNameGiven: v.fullName !== undefined,
      email: fields.email ?? null,
      phone: fields.phone ?? null,
      externalId: fields.externalId ?? null,
    },
  };
}

/** The keys a row claims in the import (prefixed so an email never equals a phone), restricted to `keys`. */
export function keysOf(v: Pick<ValidRow, DedupeKey>, keys: readonly DedupeKey[] = ['email', 'phone', 'externalId']): string[] {
  const out: string[] = [];
  for (const k of keys) {
    const value = v[k];
    if (value) out.push(`${k}:${value}`);
  }
  return out;
}

/** The row field a prefixed key (`email:…`) comes from, for a row error. */
export const fieldOfKey = (key: string): DedupeKey => key.slice(0, key.indexOf(':')) as DedupeKey;
