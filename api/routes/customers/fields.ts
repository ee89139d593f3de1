import type { CustomerFields } from '../../../domain/customers/types';
import { AppError } from '../../../lib/errors';
import type { CustomerInput } from './schema';

/** First defined value among the aliases (null counts as defined: it clears). */
const first = <T>(...values: Array<T | undefined>): T | undefined => values.find((v) => v !== undefined);

/**
 * Maps the API body (with every seed alias) to the domain's fields. Only keys the client sent
 * appear in the result, so PATCH changes exactly what was sent.
 */
export function toCustomerFields(b: CustomerInput): CustomerFields {
  const out: CustomerFields = {};
  const set = <K extends keyof CustomerFields>(key: K, value: CustomerFields[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set('firstName', b.firstName);
  set('lastName', b.lastName);
  set('fullName', first(b.fullName, b.name));
  set('email', b.email);
  set('phone', first(b.phone, b.phoneNumber, b.contactNumber));
  set('alternativePhones', b.alternativePhones);
  set('externalId', b.externalId);
  set('avatar', b.avatar);
  const address = first(b.address, b.location);
  if (address !== undefined) {
    set(
      'address',
      address === null
        ? null
        : {
            street: address.street,
            city: address.city,
            state: address.state,
            country: address.country,
            postalCode: first(address.postalCode, address.zipCode),
            coordinates: address.coordinates,
          },
    );
  } else if (b.billing_address !== undefined) {
    const a = b.billing_address;
    set(
      'address',
      a === null
        ? null
        : {
            street: [a.address_street_1, a.address_street_2].filter(Boolean).join(', ') || undefined,
            city: a.city,
            state: a.state,
            country: a.country,
            postalCode: a.zip,
          },
    );
  }
  set('tags', b.tags);
  set('status', first(b.status, b.customerStatus));
  set('tier', first(b.tier, b.customerType));
  set('segment', first(b.segment, b.segmentLabel));
  set('source', b.source);
  if (b.preferences) {
    const p = b.preferences;
    set('preferences', {
      language: p.language,
      timezone: p.timezone,
      communicationHours: p.communicationHours,
      email: first(p.email, p.emailNotifications, p.channel === undefined ? undefined : p.channel === 'email' ? true : undefined),
      sms: first(p.sms, p.smsNotifications, p.channel === undefined ? undefined : p.channel === 'sms' ? true : undefined),
      newsletter: p.newsletter,
    });
  }
  const custom = { ...(b.customFields ?? {}) };
  if (b.contact_name) custom.contactName = b.contact_name;
  if (b.preferences?.frequency) custom.preferredFrequency = b.preferences.frequency;
  if (b.preferences?.preferredAgent) custom.preferredAgent = b.preferences.preferredAgent;
  if (b.customFields !== undefined || Object.keys(custom).length) set('customFields', custom);
  set('notes', b.notes);
  return out;
}

/**
 * Runs a customer command and, when its 422 names `phone` but the client sent the number as
 * `phoneNumber` or `contactNumber` (seed aliases), names the field the client sent.
 */
export async function namingSentPhoneField<T>(b: CustomerInput, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const sent =
      b.phone === undefined ? (b.phoneNumber !== undefined ? 'phoneNumber' : b.contactNumber !== undefined ? 'contactNumber' : undefined) : undefined;
    if (!sent || !(err instanceof AppError) || err.status !== 422 || !Array.isArray(err.details)) throw err;
    const details = (err.details as Array<{ path?: string }>).map((d) => (d.path === 'phone' ? { ...d, path: sent } : d));
    throw new AppError(err.status, err.code, err.message, details, err.headers);
  }
}
