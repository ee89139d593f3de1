import type { Knex } from 'knex';
import { AppError, notFound, validationFailed } from '../../lib/errors';
import type { CommandContext } from '../shared/context';
import type { Customer, CustomerFields } from './types';

/**
 * Customers as customer events name them (issue 16): Segment's `userId` is Herald's
 * `externalId`, and `email` is the other identity a sender may have. Finding customers by those
 * identities, and identify's "create or update from traits", live here so the customers module
 * stays the one writer of `customers`: the writes go through its create and update commands.
 */

/** The identities an event or identify may carry (email as sent; compared lower-cased). */
export interface CustomerIdentity {
  externalId?: string | null;
  email?: string | null;
}

/** Live customers holding the given external ids and emails, by value. */
export interface FoundCustomers {
  byExternalId: Map<string, string>;
  byEmail: Map<string, { id: string; externalId: string | null }>;
}

/**
 * The customer an identity names among those found: the one holding the external id, else the
 * one holding the email, unless that customer has another external id (then it is someone else,
 * and creating the named customer will answer 409 for the email).
 */
export function customerNamed(found: FoundCustomers, identity: CustomerIdentity): string | undefined {
  const byId = identity.externalId ? found.byExternalId.get(identity.externalId) : undefined;
  if (byId) return byId;
  const email = identityEmail(identity.email);
  const byEmail = email ? found.byEmail.get(email) : undefined;
  return byEmail && (!identity.externalId || byEmail.externalId === null) ? byEmail.id : undefined;
}

/** The stored form of an email identity. */
export const identityEmail = (email: string | null | undefined) => (email ? email.trim().toLowerCase() : undefined);

/**
 * The tenant's live customers holding any of these external ids or emails, in one query (a batch
 * of events resolves all its identities at once; both columns have unique indexes).
 */
export async function findCustomersByIdentity(db: Knex, tenantId: string, externalIds: string[], emails: string[]): Promise<FoundCustomers> {
  const found: FoundCustomers = { byExternalId: new Map(), byEmail: new Map() };
  if (!externalIds.length && !emails.length) return found;
  const { rows } = await db.raw<{ rows: Array<{ id: string; external_id: string | null; email: string | null }> }>(
    `SELECT id, external_id, email FROM customers WHERE tenant_id = ? AND deleted_at IS NULL AND external_id = ANY(?::text[])
     UNION ALL
     SELECT id, external_id, email FROM customers WHERE tenant_id = ? AND deleted_at IS NULL AND email = ANY(?::text[])`,
    [tenantId, externalIds, tenantId, emails],
  );
  for (const r of rows) {
    if (r.external_id) found.byExternalId.set(r.external_id, r.id);
    if (r.email) found.byEmail.set(r.email, { id: r.id, externalId: r.external_id });
  }
  return found;
}

/** Segment traits that are Herald fields; every other trait goes to customFields. */
const FIELD_TRAITS = new Set(['email', 'phone', 'firstName', 'lastName', 'name', 'address', 'avatar', 'tags']);

/** Longest custom field key and value, as the customer API allows them. */
const CUSTOM_KEY_MAX = 100;
const CUSTOM_VALUE_MAX = 2000;

/** A trait's value as custom field text: strings as sent, other JSON values as JSON. */
const customText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * Maps identify traits (already shaped by the API schema) onto customer fields: Herald's fields
 * where the names match, every other trait into customFields (merged into the customer's own;
 * a null trait removes its key). Problems are 422s naming `traits.<key>`.
 */
export function fieldsFromTraits(traits: Record<string, unknown>, currentCustom: Record<string, string>): CustomerFields {
  const fields: CustomerFields = {};
  const t = traits as {
    email?: string | null;
    phone?: string | null;
    firstName?: string | null;
    lastName?: string | null;
    name?: string | null;
    avatar?: string | null;
    tags?: string[];
    address?: { street?: string | null; city?: string | null; state?: string | null; country?: string | null; postalCode?: string | null } | null;
  };
  if (t.email !== undefined) fields.email = t.email;
  if (t.phone !== undefined) fields.phone = t.phone;
  if (t.firstName !== undefined) fields.firstName = t.firstName;
  if (t.lastName !== undefined) fields.lastName = t.lastName;
  if (t.name !== undefined) fields.fullName = t.name;
  if (t.avatar !== undefined) fields.avatar = t.avatar;
  if (t.tags !== undefined) fields.tags = t.tags;
  if (t.address !== undefined) {
    fields.address =
      t.address === null
        ? null
        : { street: t.address.street, city: t.address.city, state: t.address.state, country: t.address.country, postalCode: t.address.postalCode };
  }
  const custom = { ...currentCustom };
  const problems: Array<{ location: string; path: string; message: string }> = [];
  let customChanged = false;
  for (const [key, value] of Object.entries(traits)) {
    if (FIELD_TRAITS.has(key) || value === undefined) continue;
    customChanged = true;
    if ([...key].length > CUSTOM_KEY_MAX)
      problems.push({ location: 'body', path: `traits.${key.slice(0, 40)}…`, message: `keys of custom traits must be at most ${CUSTOM_KEY_MAX} characters` });
    else if (value === null) delete custom[key];
    else if ([...customText(value)].length > CUSTOM_VALUE_MAX)
      problems.push({ location: 'body', path: `traits.${key}`, message: `must be at most ${CUSTOM_VALUE_MAX} characters as text` });
    else custom[key] = customText(value);
  }
  if (problems.length) throw validationFailed(problems);
  if (customChanged) fields.customFields = custom;
  return fields;
}

/** The customer commands identify writes through (the domain's, so after-commit work follows them). */
export interface CustomerWriter {
  create(ctx: CommandContext, input: CustomerFields): Promise<Customer>;
  update(ctx: CommandContext, id: string, input: CustomerFields): Promise<Customer>;
}

/** What {@link createCustomerIdentities} needs. */
export interface CustomerIdentityDeps {
  db: Knex;
  commands: CustomerWriter;
}

/** Renames 422 details about customer fields to the trait the sender used (`phone` → `traits.phone`). */
async function namingTraits<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof AppError) || err.status !== 422 || !Array.isArray(err.details)) throw err;
    const rename = (path: string) => (path === 'fullName' ? 'traits.name' : path.startsWith('traits.') ? path : `traits.${path}`);
    throw new AppError(
      err.status,
      err.code,
      err.message,
      (err.details as Array<{ path?: string }>).map((d) => ({ ...d, path: rename(d.path ?? '') })),
    );
  }
}

/**
 * Finding, creating and updating customers by the identities events carry. Creates and updates
 * go through the customer commands given, so they are validated, evented and audited as the
 * customer API's are.
 */
export function createCustomerIdentities(deps: CustomerIdentityDeps) {
  const { db, commands } = deps;

  /** The live customer this identity names (see {@link customerNamed}). */
  async function findOne(tenantId: string, identity: CustomerIdentity): Promise<string | undefined> {
    const email = identityEmail(identity.email);
    return customerNamed(await findCustomersByIdentity(db, tenantId, identity.externalId ? [identity.externalId] : [], email ? [email] : []), identity);
  }

  /**
   * Creates a customer with these identities (source `api`) and answers its id. When another
   * request created it meanwhile (a 409 on the same value), answers that customer instead.
   */
  async function createFor(ctx: CommandContext, identity: CustomerIdentity, fields: CustomerFields = {}): Promise<{ id: string; created: boolean }> {
    try {
      const customer = await namingTraits(() =>
        commands.create(ctx, {
          source: 'api',
          ...fields,
          ...(identity.externalId ? { externalId: identity.externalId } : {}),
          ...(identity.email && fields.email === undefined ? { email: identity.email } : {}),
        }),
      );
      return { id: customer.id, created: true };
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 409) throw err;
      const existing = await findOne(ctx.principal.tenantId, identity);
      if (!existing) throw err;
      return { id: existing, created: false };
    }
  }

  /**
   * Identify: creates the customer named by external id or email, or updates the one found, with
   * the traits mapped onto its fields (see {@link fieldsFromTraits}). A customer found by email
   * that has no external id gets the one sent. `mayCreate` false answers 404 for an unknown one.
   */
  async function identify(
    ctx: CommandContext,
    identity: CustomerIdentity,
    traits: Record<string, unknown>,
    mayCreate: boolean,
  ): Promise<{ customerId: string; created: boolean }> {
    const tenantId = ctx.principal.tenantId;
    const existing = await findOne(tenantId, identity);
    if (!existing) {
      if (!mayCreate) throw notFound('Customer');
      const fields = fieldsFromTraits(traits, {});
      const made = await createFor(ctx, identity, fields);
      if (made.created) return { customerId: made.id, created: true };
      return identify(ctx, identity, traits, false);
    }
    const row = await db('customers').where({ tenant_id: tenantId, id: existing }).first('external_id', 'custom_fields');
    const fields = fieldsFromTraits(traits, (row?.custom_fields as Record<string, string> | undefined) ?? {});
    if (identity.externalId && !row?.external_id) fields.externalId = identity.externalId;
    if (Object.keys(fields).length) await namingTraits(() => commands.update(ctx, existing, fields));
    return { customerId: existing, created: false };
  }

  return { findOne, createFor, identify };
}

/** The identity functions' interface, for the customer events module. */
export type CustomerIdentities = ReturnType<typeof createCustomerIdentities>;
