import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { validationFailed } from '../../lib/errors';
import type { CustomerFields } from './types';

/** A field-level problem found while normalising. */
interface Problem {
  path: string;
  message: string;
}

/**
 * Normalises a phone number to E.164: first in the tenant's default region, then, for numbers
 * written without "+", as an international number (seed 001 stores `529991234567`).
 */
export function normalisePhone(input: string, region: CountryCode): string | undefined {
  const digits = input.replace(/[^\d+]/g, '');
  const attempt = (text: string, r?: CountryCode) => {
    const parsed = parsePhoneNumberFromString(text, r);
    return parsed?.isValid() ? parsed.number : undefined;
  };
  return attempt(input, region) ?? (digits.startsWith('+') ? undefined : attempt(`+${digits}`));
}

/** Splits "Ada Lovelace King" into first "Ada" and last "Lovelace King". */
export function splitName(full: string): { firstName: string; lastName: string | null } {
  const parts = full.trim().split(/\s+/);
  return { firstName: parts[0] ?? full.trim(), lastName: parts.length > 1 ? parts.slice(1).join(' ') : null };
}

/**
 * Brings validated input to its stored form: email lower-cased, phones in E.164, names
 * derived both ways (full from first+last, or first/last split from full), tags de-duplicated.
 * Throws a 422 listing every field that cannot be normalised.
 */
export function normaliseFields(input: CustomerFields, region: CountryCode, current?: { firstName: string | null; lastName: string | null }): CustomerFields {
  const out: CustomerFields = { ...input };
  const problems: Problem[] = [];
  if (typeof out.email === 'string') out.email = out.email.trim().toLowerCase();
  if (typeof out.phone === 'string') {
    const e164 = normalisePhone(out.phone, region);
    if (e164) out.phone = e164;
    else problems.push({ path: 'phone', message: `is not a valid phone number (default region ${region})` });
  }
  if (out.alternativePhones) {
    out.alternativePhones = out.alternativePhones.map((p, i) => {
      const e164 = normalisePhone(p, region);
      if (!e164) problems.push({ path: `alternativePhones.${i}`, message: 'is not a valid phone number' });
      return e164 ?? p;
    });
    out.alternativePhones = [...new Set(out.alternativePhones)];
  }
  if (out.tags) out.tags = [...new Set(out.tags.map((t) => t.trim()).filter(Boolean))];
  if (out.fullName && out.firstName === undefined && out.lastName === undefined) {
    Object.assign(out, splitName(out.fullName));
  } else if ((out.firstName !== undefined || out.lastName !== undefined) && out.fullName === undefined) {
    const first = out.firstName !== undefined ? out.firstName : (current?.firstName ?? null);
    const last = out.lastName !== undefined ? out.lastName : (current?.lastName ?? null);
    out.fullName = [first, last].filter(Boolean).join(' ') || null;
  }
  if (out.fullName !== undefined && out.fullName !== null && (out.fullName.length < 2 || out.fullName.length > 100)) {
    problems.push({ path: 'fullName', message: 'must be 2 to 100 characters' });
  }
  if (problems.length) throw validationFailed(problems.map((p) => ({ location: 'body', ...p })));
  return out;
}
